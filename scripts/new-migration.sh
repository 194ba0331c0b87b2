#!/usr/bin/env bash
# npm run db:new-migration -- NAME: diff the committed schema against the edited one
# (prisma migrate dev cannot run here: see the README, "Migrations"), for SQLite and PostgreSQL.
set -euo pipefail
name=${1:?usage: npm run db:new-migration -- NAME}
cd "$(dirname "$0")/.."
prev=$(mktemp --suffix=.prisma)
git show HEAD:prisma/schema.prisma > "$prev"
folder="$(date -u +%Y%m%d%H%M%S)_${name}"
dir="prisma/migrations/$folder"
mkdir -p "$dir"
DATABASE_URL=file:./data/rapor.db npx prisma migrate diff --from-schema-datamodel "$prev" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
rm -f "$prev"
# SQLite redefines a changed table by create/copy/drop/rename, which drops its triggers: re-create
# the DataRevision triggers (idempotent) so the public cache still sees every change.
{ echo; cat prisma/revision-triggers.sql; } >> "$dir/migration.sql"
echo "wrote $dir/migration.sql"
# The same change for PostgreSQL: regenerates prisma/postgresql/schema.prisma, then writes
# prisma/postgresql/migrations/$folder (needs PostgreSQL installed: a throwaway server runs the diff).
npx tsx scripts/postgres/new-migration.ts "$folder"
