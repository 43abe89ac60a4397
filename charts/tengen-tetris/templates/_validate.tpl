{{/*
Cross-field rules JSON Schema cannot express (it cannot compare two values). Included by every
workload template, so `helm template`, `lint` and `install` all stop with a clear message.
*/}}
{{- define "tengen.validate" -}}
{{- $v := .Values }}
{{- if gt (int $v.autoscaling.minReplicas) (int $v.autoscaling.maxReplicas) }}
{{- fail (printf "autoscaling.minReplicas (%d) must not exceed autoscaling.maxReplicas (%d)" (int $v.autoscaling.minReplicas) (int $v.autoscaling.maxReplicas)) }}
{{- end }}
{{- if $v.scaleOut.enabled }}
{{- if not (include "tengen.hasRedis" .) }}
{{- fail "scaleOut.enabled needs a Redis: set redis.external.url, redis.external.existingSecret.name or redis.inChart.enabled" }}
{{- end }}
{{- if not (and $v.ingress.enabled $v.ingress.host) }}
{{- fail "scaleOut.enabled needs ingress.enabled and ingress.host: each pod is reached at <host><scaleOut.pathPrefix>/<pod>" }}
{{- end }}
{{- if and (eq $v.persistence.type "emptyDir") (not (include "tengen.postgres" .)) }}
{{- fail "scaleOut.enabled needs shared storage (persistence.type efs or existingClaim) or database.type postgres: with emptyDir every pod would keep its own scores" }}
{{- end }}
{{- else }}
{{- if or $v.autoscaling.enabled (gt (int $v.replicaCount) 1) }}
{{- fail "more than one replica (replicaCount > 1 or autoscaling.enabled) needs scaleOut.enabled: rooms live in one process, so players on different pods would never meet" }}
{{- end }}
{{- end }}
{{- if eq (int $v.server.metricsPort) (int $v.server.port) }}
{{- fail "server.metricsPort must differ from server.port: /metrics is never served on the public port" }}
{{- end }}
{{- if include "tengen.postgres" . }}
{{- include "tengen.validatePostgres" . }}
{{- else if and (eq $v.persistence.type "efs") (not $v.persistence.efs.fileSystemId) }}
{{- fail "persistence.type efs needs persistence.efs.fileSystemId" }}
{{- end }}
{{- if and (eq $v.persistence.type "existingClaim") (not $v.persistence.existingClaim) (not (include "tengen.postgres" .)) }}
{{- fail "persistence.type existingClaim needs persistence.existingClaim" }}
{{- end }}
{{- end }}

{{/* PostgreSQL: where DATABASE_URL comes from, and a way out through the NetworkPolicy. */}}
{{- define "tengen.validatePostgres" -}}
{{- $db := .Values.database }}
{{- if eq $db.auth "iam" }}
{{- if not (and $db.url $db.awsRegion) }}
{{- fail "database.auth iam needs database.url (postgres://user@host:5432/db, no password) and database.awsRegion: each connection signs a token with the pod's AWS identity" }}
{{- end }}
{{- if $db.existingSecret.name }}
{{- fail "database.auth iam uses no Secret: unset database.existingSecret.name (or use database.auth password)" }}
{{- end }}
{{- else }}
{{- if not $db.existingSecret.name }}
{{- fail "database.type postgres needs database.existingSecret.name: the Secret holding DATABASE_URL (its password never goes in values); or database.auth iam" }}
{{- end }}
{{- if $db.url }}
{{- fail "database.url is for database.auth iam only: a URL with a password belongs in the Secret named by database.existingSecret.name" }}
{{- end }}
{{- end }}
{{- if and (eq $db.auth "iam") (ne $db.tls "verify-full") }}
{{- fail "database.auth iam needs database.tls verify-full: RDS takes IAM tokens over TLS only" }}
{{- end }}
{{- if and (eq $db.tls "off") $db.caConfigMap.name }}
{{- fail "database.caConfigMap is read only with database.tls verify-full" }}
{{- end }}
{{- if regexMatch "[?&]ssl" $db.url }}
{{- fail "database.url carries no TLS parameters (sslmode...): database.tls says it" }}
{{- end }}
{{- $np := .Values.networkPolicy }}
{{- if and $np.enabled (not (or $np.databaseCidrs $np.databasePeers)) }}
{{- fail "networkPolicy.enabled with database.type postgres needs networkPolicy.databaseCidrs or networkPolicy.databasePeers: otherwise the pods cannot reach the database" }}
{{- end }}
{{- end }}
