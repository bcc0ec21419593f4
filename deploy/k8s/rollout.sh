#!/usr/bin/env bash
# Rolls out one overlay, migrations first:
#   deploy/k8s/rollout.sh deploy/k8s/overlays/production
# 1. applies everything but the API and the worker: the Namespace, the configuration and the migration Job (and,
#    in development, the databases);
# 2. waits for the Job: if it fails, nothing else has changed and the running version keeps serving;
# 3. applies everything, which rolls the API and the worker one pod at a time, and waits for both.
# So every migration must suit the running version as well as the new one (README, "Rolling upgrades").
set -euo pipefail

overlay=${1:?usage: rollout.sh OVERLAY_DIRECTORY}
timeout=${ROLLOUT_TIMEOUT_SECONDS:-1800}
manifests=$(kubectl kustomize "$overlay")
namespace=$(printf '%s\n' "$manifests" | sed -n 's/^  namespace: //p' | sort -u)
if [[ -z $namespace || $namespace == *$'\n'* ]]; then
  echo "rollout.sh: the overlay must put every object in one namespace" >&2
  exit 1
fi

# A Job's pod template cannot change, so the previous version's Job goes first (its logs with it).
kubectl -n "$namespace" delete job lectern-migrate --ignore-not-found --wait=true
printf '%s\n' "$manifests" | kubectl apply -l 'app.kubernetes.io/component notin (api,worker)' -f -

deadline=$((SECONDS + timeout))
while :; do
  conditions=$(kubectl -n "$namespace" get job lectern-migrate \
    -o jsonpath='{range .status.conditions[?(@.status=="True")]}{.type}{" "}{end}')
  case " $conditions " in
    *" Complete "*) break ;;
    *" Failed "*)
      echo "rollout.sh: the migration failed; the running version is untouched. Its log:" >&2
      kubectl -n "$namespace" logs job/lectern-migrate --tail=100 >&2 || true
      exit 1 ;;
  esac
  if ((SECONDS >= deadline)); then
    echo "rollout.sh: the migration is still running after ${timeout} s" >&2
    exit 1
  fi
  sleep 2
done

printf '%s\n' "$manifests" | kubectl apply -f -
for deployment in lectern-api lectern-worker; do
  kubectl -n "$namespace" rollout status "deployment/$deployment" --timeout="${timeout}s"
done
