{{/*
Names and labels. Every object name starts with the full name, which comes from the release, so two
releases never collide; cluster-scoped objects (PersistentVolumes) also carry the namespace.
*/}}

{{/* Chart name, overridable. */}}
{{- define "tengen.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 45 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: <release>-<chart>, or the release alone when it already contains the chart name.
Truncated to 45 so that "-headless", "-migrate" and a pod ordinal still fit in 63 characters.
*/}}
{{- define "tengen.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 45 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 45 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 45 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of a cluster-scoped PersistentVolume: namespace + full name + optional suffix. */}}
{{- define "tengen.pvName" -}}
{{- printf "%s-%s%s" .ctx.Release.Namespace (include "tengen.fullname" .ctx) .suffix | trunc 253 | trimSuffix "-" }}
{{- end }}

{{/* helm.sh/chart label value. */}}
{{- define "tengen.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Selector labels of the game server pods. */}}
{{- define "tengen.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tengen.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end }}

{{/* Common labels; `component` is given by the caller through the dict form. */}}
{{- define "tengen.labelsFor" -}}
helm.sh/chart: {{ include "tengen.chart" .ctx }}
app.kubernetes.io/name: {{ include "tengen.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: tengen-tetris
{{- end }}

{{/* Labels of the game server objects. */}}
{{- define "tengen.labels" -}}
{{ include "tengen.labelsFor" (dict "ctx" . "component" "server") }}
{{- end }}

{{/* ServiceAccount name. */}}
{{- define "tengen.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "tengen.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Image reference: digest wins over tag; the tag defaults to the chart's appVersion. */}}
{{- define "tengen.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* Replica count the per-pod routes must cover: the HPA maximum, or the fixed replica count. */}}
{{- define "tengen.podSlots" -}}
{{- if .Values.autoscaling.enabled }}{{ .Values.autoscaling.maxReplicas }}{{ else }}{{ .Values.replicaCount }}{{ end }}
{{- end }}

{{/* Seconds an ALB target stays draining: the pod serves through preStop, then drains its games. */}}
{{- define "tengen.deregistrationDelay" -}}
{{- add .Values.lifecycle.preStopSleepSeconds .Values.server.drainSeconds }}
{{- end }}

{{/* The ALB health check: a new pod gets traffic after this many passing checks, this many seconds apart. */}}
{{- define "tengen.albHealthCheckSeconds" -}}10{{- end }}
{{- define "tengen.albHealthyChecks" -}}2{{- end }}

{{/* ROOM_WARMUP_SECONDS: a new pod takes no room from other pods until the ALB can route to it. */}}
{{- define "tengen.roomWarmupSeconds" -}}
{{- mul (include "tengen.albHealthCheckSeconds" .) (include "tengen.albHealthyChecks" .) }}
{{- end }}

{{/* terminationGracePeriodSeconds = preStop + DRAIN_SECONDS + margin, always above the ALB delay. */}}
{{- define "tengen.terminationGrace" -}}
{{- add .Values.lifecycle.preStopSleepSeconds .Values.server.drainSeconds .Values.lifecycle.terminationMarginSeconds }}
{{- end }}

{{/* Name of the claim the pods mount, empty for emptyDir. */}}
{{- define "tengen.claimName" -}}
{{- if eq .Values.persistence.type "efs" }}
{{- include "tengen.fullname" . }}-data
{{- else if eq .Values.persistence.type "existingClaim" }}
{{- .Values.persistence.existingClaim }}
{{- end }}
{{- end }}

{{/* Whether the scores live in PostgreSQL (`database.type: postgres`): no data volume at all. */}}
{{- define "tengen.postgres" -}}
{{- if eq .Values.database.type "postgres" }}true{{ end }}
{{- end }}

{{/* Whether PostgreSQL is reached with RDS IAM authentication (the pod's AWS identity, no Secret). */}}
{{- define "tengen.databaseIam" -}}
{{- if and (eq .Values.database.type "postgres") (eq .Values.database.auth "iam") }}true{{ end }}
{{- end }}

{{/* ServiceAccount of the migration Job with IAM authentication: a hook that exists before it. */}}
{{- define "tengen.migrateServiceAccountName" -}}
{{- printf "%s-migrate" (include "tengen.serviceAccountName" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Whether Redis is configured at all (external URL, external Secret or in-chart). */}}
{{- define "tengen.hasRedis" -}}
{{- if or .Values.redis.external.url .Values.redis.external.existingSecret.name .Values.redis.inChart.enabled }}true{{ end }}
{{- end }}

{{/* Whether the database's CA certificates come from a ConfigMap (postgres with TLS on). */}}
{{- define "tengen.databaseCa" -}}
{{- $db := .Values.database }}
{{- if and (eq $db.type "postgres") (eq $db.tls "verify-full") $db.caConfigMap.name }}true{{ end }}
{{- end }}

{{/* Where that ConfigMap is mounted, and the file DATABASE_CA_FILE names. */}}
{{- define "tengen.databaseCaDir" -}}/etc/tengen/database-ca{{- end }}
{{- define "tengen.databaseCaFile" -}}{{ include "tengen.databaseCaDir" . }}/ca.pem{{- end }}

{{/* The ConfigMap volume of the database's CA certificates (pods and the migration Job). */}}
{{- define "tengen.databaseCaVolume" -}}
{{- if include "tengen.databaseCa" . }}
- name: database-ca
  configMap:
    name: {{ .Values.database.caConfigMap.name }}
    items:
      - key: {{ .Values.database.caConfigMap.key }}
        path: ca.pem
{{- end }}
{{- end }}
