{{/*
Environment of the server container. Each value maps onto exactly one variable the server parses:
HOST, PORT, DB_FILE or DATABASE_URL (+ DATABASE_AUTH, AWS_REGION, DATABASE_TLS, DATABASE_CA_FILE), LOG_LEVEL, DRAIN_SECONDS, ROOM_WARMUP_SECONDS, METRICS_PORT, TRUSTED_PROXY_HOPS, CORS_ORIGINS,
MAX_CONNECTIONS, OUTBOX_DIR, OUTBOX_RETRY_MAX_SECONDS, REDIS_URL and PUBLIC_ADDRESS.
*/}}
{{- define "tengen.env" -}}
- name: HOST
  value: {{ .Values.server.host | quote }}
- name: PORT
  value: {{ .Values.server.port | quote }}
{{- include "tengen.databaseEnv" . }}
- name: LOG_LEVEL
  value: {{ .Values.server.logLevel | quote }}
- name: DRAIN_SECONDS
  value: {{ .Values.server.drainSeconds | quote }}
- name: ROOM_WARMUP_SECONDS
  value: {{ include "tengen.roomWarmupSeconds" . | quote }}
- name: METRICS_PORT
  value: {{ .Values.server.metricsPort | quote }}
- name: TRUSTED_PROXY_HOPS
  value: {{ .Values.server.trustedProxyHops | quote }}
- name: CORS_ORIGINS
  value: {{ join "," .Values.server.corsOrigins | quote }}
- name: MAX_CONNECTIONS
  value: {{ .Values.server.maxConnections | quote }}
- name: OUTBOX_DIR
  value: {{ .Values.outbox.mountPath | quote }}
- name: OUTBOX_RETRY_MAX_SECONDS
  value: {{ .Values.outbox.retryMaxSeconds | quote }}
{{- if include "tengen.hasRedis" . }}
{{- include "tengen.redisEnv" . }}
{{- end }}
{{- if .Values.scaleOut.enabled }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: PUBLIC_ADDRESS
  value: {{ printf "%s%s/$(POD_NAME)" .Values.ingress.host (trimSuffix "/" .Values.scaleOut.pathPrefix) | quote }}
{{- end }}
{{- with .Values.server.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The score store: DB_FILE on the data volume (sqlite), or DATABASE_URL (postgres) from an existing
Secret (the URL carries the password), or with IAM authentication a URL without a password plus
DATABASE_AUTH=iam and AWS_REGION: the server signs a token per connection with the pod's identity.
Either way DATABASE_TLS, and DATABASE_CA_FILE when the CAs come from a ConfigMap (else the image's
Amazon RDS CAs).
*/}}
{{- define "tengen.databaseEnv" -}}
{{- $db := .Values.database }}
{{- if include "tengen.postgres" . }}
- name: DATABASE_URL
{{- if include "tengen.databaseIam" . }}
  value: {{ $db.url | quote }}
- name: DATABASE_AUTH
  value: iam
- name: AWS_REGION
  value: {{ $db.awsRegion | quote }}
{{- else }}
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret.name }}
      key: {{ $db.existingSecret.key }}
{{- end }}
- name: DATABASE_TLS
  value: {{ $db.tls | quote }}
{{- if include "tengen.databaseCa" . }}
- name: DATABASE_CA_FILE
  value: {{ include "tengen.databaseCaFile" . | quote }}
{{- end }}
{{- else }}
- name: DB_FILE
  value: {{ printf "%s/%s" (trimSuffix "/" .Values.persistence.mountPath) .Values.persistence.dbFileName | quote }}
{{- end }}
{{- end }}

{{/* REDIS_URL from an existing Secret, an external URL, or the in-chart Redis Service. */}}
{{- define "tengen.redisEnv" -}}
{{- $r := .Values.redis }}
- name: REDIS_URL
{{- if $r.external.existingSecret.name }}
  valueFrom:
    secretKeyRef:
      name: {{ $r.external.existingSecret.name }}
      key: {{ $r.external.existingSecret.key }}
{{- else if $r.external.url }}
  value: {{ $r.external.url | quote }}
{{- else }}
  value: {{ printf "redis://%s-redis:6379" (include "tengen.fullname" .) | quote }}
{{- end }}
{{- end }}
