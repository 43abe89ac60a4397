{{/*
Security contexts shared by the server pods and the migration Job: non-root uid/gid 10001 (the
image's user), read-only root filesystem, no capabilities, RuntimeDefault seccomp. This satisfies
the Pod Security "restricted" profile the infra stack enforces on the namespace.
*/}}
{{- define "tengen.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "tengen.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end }}

{{/*
Volumes: the data volume (claim or emptyDir; sqlite only, PostgreSQL needs none), an emptyDir for
/tmp, the score outbox's emptyDir, and the database's CA ConfigMap when one is named.
*/}}
{{- define "tengen.volumes" -}}
{{- if not (include "tengen.postgres" .) }}
- name: data
{{- if eq .Values.persistence.type "emptyDir" }}
  emptyDir:
    sizeLimit: {{ .Values.persistence.emptyDirSizeLimit }}
{{- else }}
  persistentVolumeClaim:
    claimName: {{ include "tengen.claimName" . }}
{{- end }}
{{- end }}
- name: tmp
  emptyDir:
    medium: Memory
    sizeLimit: 64Mi
- name: outbox
  emptyDir:
    sizeLimit: {{ .Values.outbox.sizeLimit }}
{{- include "tengen.databaseCaVolume" . }}
{{- end }}

{{- define "tengen.volumeMounts" -}}
{{- if not (include "tengen.postgres" .) }}
- name: data
  mountPath: {{ .Values.persistence.mountPath }}
{{- end }}
- name: tmp
  mountPath: /tmp
{{- if include "tengen.databaseCa" . }}
- name: database-ca
  mountPath: {{ include "tengen.databaseCaDir" . }}
  readOnly: true
{{- end }}
{{- end }}

{{/* Pod template of the game server, used by the Deployment and by the StatefulSet. */}}
{{- define "tengen.podTemplate" -}}
metadata:
  labels:
    {{- include "tengen.labels" . | nindent 4 }}
    {{- with .Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    prometheus.io/scrape: "true"
    prometheus.io/path: /metrics
    prometheus.io/port: {{ .Values.server.metricsPort | quote }}
    {{- with .Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "tengen.serviceAccountName" . }}
  automountServiceAccountToken: false
  enableServiceLinks: false
  {{- with .Values.imagePullSecrets }}
  imagePullSecrets:
    {{- range . }}
    - name: {{ . }}
    {{- end }}
  {{- end }}
  # preStop + DRAIN_SECONDS + margin: the kubelet never kills a pod that is still draining games.
  terminationGracePeriodSeconds: {{ include "tengen.terminationGrace" . }}
  securityContext:
    {{- include "tengen.podSecurityContext" . | nindent 4 }}
  {{- if and .Values.migrations.enabled (eq .Values.persistence.type "emptyDir") (not (include "tengen.postgres" .)) }}
  # emptyDir is per pod, so each pod migrates its own database before the server starts.
  initContainers:
    - name: migrate
      image: {{ include "tengen.image" . }}
      imagePullPolicy: {{ .Values.image.pullPolicy }}
      args: ["migrate"]
      env:
        {{- include "tengen.env" . | nindent 8 }}
      securityContext:
        {{- include "tengen.containerSecurityContext" . | nindent 8 }}
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
      volumeMounts:
        {{- include "tengen.volumeMounts" . | nindent 8 }}
  {{- end }}
  containers:
    - name: server
      image: {{ include "tengen.image" . }}
      imagePullPolicy: {{ .Values.image.pullPolicy }}
      ports:
        - name: http
          containerPort: {{ .Values.server.port }}
          protocol: TCP
        - name: metrics
          containerPort: {{ .Values.server.metricsPort }}
          protocol: TCP
      env:
        {{- include "tengen.env" . | nindent 8 }}
      startupProbe:
        httpGet:
          path: /healthz
          port: http
        periodSeconds: {{ .Values.probes.startup.periodSeconds }}
        failureThreshold: {{ .Values.probes.startup.failureThreshold }}
      livenessProbe:
        httpGet:
          path: /healthz
          port: http
        periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
        failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
        timeoutSeconds: {{ .Values.probes.liveness.timeoutSeconds }}
      readinessProbe:
        httpGet:
          path: /readyz
          port: http
        periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
        failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
        timeoutSeconds: {{ .Values.probes.readiness.timeoutSeconds }}
      lifecycle:
        # Leave matchmaking at once (GET /leave on the metrics port: no other process sends new
        # rooms here, readiness off, running games go on), then keep serving while the endpoint
        # removal reaches kube-proxy and the ALB; SIGTERM follows.
        preStop:
          exec:
            command:
              - node
              - -e
              - {{ printf "fetch('http://127.0.0.1:%v/leave').catch(() => {}).finally(() => setTimeout(() => {}, %v))" .Values.server.metricsPort (mul .Values.lifecycle.preStopSleepSeconds 1000) | quote }}
      securityContext:
        {{- include "tengen.containerSecurityContext" . | nindent 8 }}
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
      volumeMounts:
        {{- include "tengen.volumeMounts" . | nindent 8 }}
        - name: outbox
          mountPath: {{ .Values.outbox.mountPath }}
  volumes:
    {{- include "tengen.volumes" . | nindent 4 }}
  {{- if .Values.topologySpread.enabled }}
  topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: topology.kubernetes.io/zone
      whenUnsatisfiable: {{ .Values.topologySpread.zoneWhenUnsatisfiable }}
      labelSelector:
        matchLabels:
          {{- include "tengen.selectorLabels" . | nindent 10 }}
    - maxSkew: 1
      topologyKey: kubernetes.io/hostname
      whenUnsatisfiable: ScheduleAnyway
      labelSelector:
        matchLabels:
          {{- include "tengen.selectorLabels" . | nindent 10 }}
  {{- end }}
  {{- with .Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
