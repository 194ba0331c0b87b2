#!/usr/bin/env bash
# npm run db:new-migration -- NAME: diff the committed schema against the edited one
# (prisma migrate dev cannot run here: see ../shared/docs/ENVIRONMENT.md).
set -euo pipefail
name=${1:?usage: npm run db:new-migration -- NAME}
cd "$(dirname "$0")/.."
prev=$(mktemp --suffix=.prisma)
git show HEAD:prisma/schema.prisma > "$prev"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel "$prev" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
rm -f "$prev"
# SQLite redefines a changed table by create/copy/drop/rename, which drops its triggers: re-create
# the DataRevision triggers (idempotent) so the public cache still sees every change.
{ echo; cat prisma/revision-triggers.sql; } >> "$dir/migration.sql"
echo "wrote $dir/migration.sql"
