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
{{- if eq $v.persistence.type "emptyDir" }}
{{- fail "scaleOut.enabled needs shared storage (persistence.type efs or existingClaim): with emptyDir every pod would keep its own scores" }}
{{- end }}
{{- else }}
{{- if or $v.autoscaling.enabled (gt (int $v.replicaCount) 1) }}
{{- fail "more than one replica (replicaCount > 1 or autoscaling.enabled) needs scaleOut.enabled: rooms live in one process, so players on different pods would never meet" }}
{{- end }}
{{- end }}
{{- if eq (int $v.server.metricsPort) (int $v.server.port) }}
{{- fail "server.metricsPort must differ from server.port: /metrics is never served on the public port" }}
{{- end }}
{{- if and (eq $v.persistence.type "efs") (not $v.persistence.efs.fileSystemId) }}
{{- fail "persistence.type efs needs persistence.efs.fileSystemId" }}
{{- end }}
{{- if and (eq $v.persistence.type "existingClaim") (not $v.persistence.existingClaim) }}
{{- fail "persistence.type existingClaim needs persistence.existingClaim" }}
{{- end }}
{{- end }}
