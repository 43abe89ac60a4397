{{/*
A static EFS PersistentVolume and its claim, bound to each other by name in both directions
(claimRef + volumeName) so no other claim can take the volume. PersistentVolumes are cluster-scoped:
their name carries the namespace as well as the release. Arguments: ctx, suffix ("" or "-migrate"),
hook (annotations to add, or nil).
*/}}
{{- define "tengen.efsVolume" -}}
{{- $ctx := .ctx }}
{{- $efs := $ctx.Values.persistence.efs }}
{{- $pv := include "tengen.pvName" (dict "ctx" $ctx "suffix" (printf "%s-data" .suffix)) }}
{{- $claim := printf "%s%s-data" (include "tengen.fullname" $ctx) .suffix }}
apiVersion: v1
kind: PersistentVolume
metadata:
  name: {{ $pv }}
  labels:
    {{- include "tengen.labelsFor" (dict "ctx" $ctx "component" "storage") | nindent 4 }}
  {{- with .pvHook }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  capacity:
    storage: {{ $efs.size }}
  volumeMode: Filesystem
  accessModes: ["ReadWriteMany"]
  # The file system outlives the release: deleting the claim never deletes data.
  persistentVolumeReclaimPolicy: Retain
  storageClassName: ""
  {{- with $efs.mountOptions }}
  mountOptions:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  claimRef:
    apiVersion: v1
    kind: PersistentVolumeClaim
    namespace: {{ $ctx.Release.Namespace }}
    name: {{ $claim }}
  csi:
    driver: efs.csi.aws.com
    volumeHandle: {{ if $efs.accessPointId }}{{ printf "%s::%s" $efs.fileSystemId $efs.accessPointId }}{{ else }}{{ $efs.fileSystemId }}{{ end }}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: {{ $claim }}
  labels:
    {{- include "tengen.labelsFor" (dict "ctx" $ctx "component" "storage") | nindent 4 }}
  {{- with .pvcHook }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  accessModes: ["ReadWriteMany"]
  storageClassName: ""
  volumeName: {{ $pv }}
  resources:
    requests:
      storage: {{ $efs.size }}
{{- end }}
