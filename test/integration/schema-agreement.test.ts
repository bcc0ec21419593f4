import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject, describe, expect, it } from 'vitest';
import { projectRoot } from '@lectern/project-root';
import { query } from '@test/support/databases';

interface DmmfField {
  name: string;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isRequired: boolean;
  isList: boolean;
  dbName: string | null;
  nativeType: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfEnum {
  name: string;
  dbName: string | null;
  values: { name: string }[];
}

/** Postgres types that each Prisma scalar (or native type) may be stored as. */
function compatibleTypes(field: DmmfField): string[] {
  if (field.kind === 'enum') return ['USER-DEFINED'];
  const native = field.nativeType?.[0];
  if (native === 'Uuid') return ['uuid'];
  if (native === 'Char') return ['character'];
  if (native === 'VarChar') return ['character varying'];
  if (native === 'Timestamptz') return ['timestamp with time zone'];
  if (native === 'Date') return ['date'];
  if (native === 'SmallInt') return ['smallint'];
  const byScalar: Record<string, string[]> = {
    String: ['text', 'character varying'],
    Int: ['integer'],
    BigInt: ['bigint'],
    Boolean: ['boolean'],
    DateTime: ['timestamp without time zone', 'timestamp with time zone'],
    Json: ['jsonb', 'json'],
    Float: ['double precision'],
    Decimal: ['numeric'],
    Bytes: ['bytea'],
  };
  return byScalar[field.type] ?? [];
}

describe('schema.prisma and the migrations agree', () => {
  const dmmf = JSON.parse(
    readFileSync(join(projectRoot(), 'libs', 'database', 'generated', 'dmmf.json'), 'utf8'),
  ) as { models: DmmfModel[]; enums: DmmfEnum[] };

  it('covers a non-trivial model (guards against an empty snapshot)', () => {
    expect(dmmf.models.map((m) => m.name)).toEqual(expect.arrayContaining(['User', 'Event', 'RoleGrant', 'OutboxEvent']));
  });

  it('every model field exists in the migrated database with a compatible type and nullability', async () => {
    const columns = await query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; udt_name: string }>(
      inject('databaseUrl'),
      `SELECT table_name, column_name, data_type, is_nullable, udt_name
         FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const byKey = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c]));
    const problems: string[] = [];
    for (const model of dmmf.models) {
      const table = model.dbName ?? model.name;
      for (const field of model.fields.filter((f) => f.kind !== 'object')) {
        const column = byKey.get(`${table}.${field.dbName ?? field.name}`);
        if (!column) {
          problems.push(`${model.name}.${field.name}: column ${table}.${field.dbName ?? field.name} is missing`);
          continue;
        }
        const dataType = field.isList ? 'ARRAY' : column.data_type;
        if (!field.isList && !compatibleTypes(field).includes(dataType)) {
          problems.push(`${model.name}.${field.name}: ${field.type} stored as ${column.data_type}`);
        }
        if (field.kind === 'enum' && column.udt_name !== (dmmf.enums.find((e) => e.name === field.type)?.dbName ?? field.type)) {
          problems.push(`${model.name}.${field.name}: enum ${field.type} stored as ${column.udt_name}`);
        }
        if (field.isRequired !== (column.is_nullable === 'NO')) {
          problems.push(`${model.name}.${field.name}: required=${field.isRequired} but column nullable=${column.is_nullable}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every enum has exactly the values of schema.prisma', async () => {
    const rows = await query<{ typname: string; labels: string[] }>(
      inject('databaseUrl'),
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const inDb = new Map(rows.map((r) => [r.typname, r.labels]));
    for (const enumeration of dmmf.enums) {
      expect(inDb.get(enumeration.dbName ?? enumeration.name), enumeration.name).toEqual(enumeration.values.map((v) => v.name));
    }
  });
});
