#!/usr/bin/env bash
# Builds a stand-in for node:20-bookworm-slim on a machine that reaches Debian's mirror but no image registry:
# a minimal Debian bookworm (debootstrap) with this machine's own Node.js and npm in /usr/local and a `node` user
# (uid 1000), as the official image has them. Then build Lectern's image from it:
#   sudo deploy/image/local-base.sh                 (needs debootstrap and podman; root for debootstrap)
#   podman build --build-arg NODE_IMAGE=localhost/lectern-node-base:20-bookworm -t localhost/lectern:dev .
# Only for machines without a registry: everywhere else the Dockerfile's default base is the one to use.
# In a sandbox where podman may not manage cgroups or raise rlimits, the same commands work with
#   podman --cgroup-manager cgroupfs --runtime runc build --ulimit nofile=20000:20000 --ulimit nproc=1000:1000 ...
set -euo pipefail

tag=${1:-localhost/lectern-node-base:20-bookworm}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
node=$(command -v node)
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
supported='const [major, minor] = process.versions.node.split(".").map(Number);
process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1)'
if ! "$node" -e "$supported"; then
  echo "local-base.sh: Lectern needs Node.js 20.19 or later; this machine has $("$node" --version)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
debootstrap --variant=minbase bookworm "$rootfs" "$mirror"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

# Node.js from this machine: a dynamically linked binary that needs only glibc and libstdc++, both in minbase.
install -D -m 0755 "$node" "$rootfs/usr/local/bin/node"
mkdir -p "$rootfs/usr/local/lib/node_modules"
cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
# This machine's CA bundle, so that npm inside the build trusts what npm here trusts.
install -D -m 0644 /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
mkdir -p "$rootfs/usr/local/etc"
printf 'cafile=/etc/ssl/certs/ca-certificates.crt\nupdate-notifier=false\n' > "$rootfs/usr/local/etc/npmrc"
chroot "$rootfs" sh -c 'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'
chroot "$rootfs" node --version

tar -C "$rootfs" -cf "$work/rootfs.tar" .
podman import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["node"]' "$work/rootfs.tar" "$tag"
