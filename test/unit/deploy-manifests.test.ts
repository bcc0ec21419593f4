import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Deployment, IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler, IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { IJob, Job } from 'kubernetes-models/batch/v1/Job';
import { IIngress, Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { IPodDisruptionBudget, PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap, IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { IContainer } from 'kubernetes-models/v1/Container';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { ISecret, Secret } from 'kubernetes-models/v1/Secret';
import { IService, Service } from 'kubernetes-models/v1/Service';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { childEnvironment, loadConfig } from '@lectern/config/config';
import { projectRoot } from '@lectern/project-root';
import { REPORT_CONNECTIONS } from '@lectern/domains/reports/report-connections';
import { REPORT_FONT_FILES } from '@reports/render/font';

/**
 * The Kubernetes manifests, docker-compose.yml and the Dockerfile, checked offline: every rendered object against
 * the Kubernetes schemas (kubernetes-models) and, for unknown fields, against its TypeScript interface; the wiring
 * between the objects; and the configuration each Lectern process gets, through the application's own loadConfig.
 */

const root = projectRoot();
const OVERLAYS = ['development', 'production'] as const;
type Overlay = (typeof OVERLAYS)[number];

/** Every kind the overlays may render: its model (the schema), and the module and interface that list its fields. */
const MODELS: Record<string, { model: new (data: never) => { validate(): void }; module: string; type: string }> = {
  'v1/Namespace': { model: Namespace, module: 'v1/Namespace', type: 'INamespace' },
  'v1/ConfigMap': { model: ConfigMap, module: 'v1/ConfigMap', type: 'IConfigMap' },
  'v1/Secret': { model: Secret, module: 'v1/Secret', type: 'ISecret' },
  'v1/Service': { model: Service, module: 'v1/Service', type: 'IService' },
  'apps/v1/Deployment': { model: Deployment, module: 'apps/v1/Deployment', type: 'IDeployment' },
  'apps/v1/StatefulSet': { model: StatefulSet, module: 'apps/v1/StatefulSet', type: 'IStatefulSet' },
  'batch/v1/Job': { model: Job, module: 'batch/v1/Job', type: 'IJob' },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    model: HorizontalPodAutoscaler,
    module: 'autoscaling/v2/HorizontalPodAutoscaler',
    type: 'IHorizontalPodAutoscaler',
  },
  'policy/v1/PodDisruptionBudget': { model: PodDisruptionBudget, module: 'policy/v1/PodDisruptionBudget', type: 'IPodDisruptionBudget' },
  'networking.k8s.io/v1/Ingress': { model: Ingress, module: 'networking.k8s.io/v1/Ingress', type: 'IIngress' },
};

/** Keys that belong in the Secret, never in the ConfigMap. */
const SECRET_KEYS = ['DATABASE_URL', 'DIRECT_DATABASE_URL', 'REDIS_URL', 'TOKEN_SECRET', 'SMTP_USER', 'SMTP_PASSWORD', 'ADMIN_EMAIL', 'ADMIN_PASSWORD'];
/** Variables the manifests may set besides README's Configuration table: the migration's own URL, and Node's. */
const DEPLOYMENT_VARIABLES = ['DIRECT_DATABASE_URL', 'NODE_OPTIONS'];
/** PostgreSQL's default max_connections less its default superuser_reserved_connections. */
const POSTGRES_CONNECTIONS = 100 - 3;

interface Rendered {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
}

function render(overlay: Overlay): Rendered[] {
  const text = execFileSync('kubectl', ['kustomize', join(root, 'deploy', 'k8s', 'overlays', overlay)], { encoding: 'utf8' });
  return parseAllDocuments(text).map((document) => document.toJS() as Rendered);
}

const rendered: Record<Overlay, Rendered[]> = { development: render('development'), production: render('production') };

const kindOf = (object: Rendered) => `${object.apiVersion}/${object.kind}`;

/**
 * kustomize wraps a generated Secret's long base64 values over several lines. The API server's decoder (Go's
 * encoding/base64) skips the line breaks; the schema's "byte" format does not.
 */
function unwrapBase64(object: Rendered): Rendered {
  if (object.kind !== 'Secret') return object;
  const data = Object.entries((object as ISecret).data ?? {}).map(([key, value]): [string, string] => [key, value.replace(/\s/g, '')]);
  return { ...object, data: Object.fromEntries(data) } as Rendered;
}

/** The one object of this kind and name; its shape is vouched for by the schema test. */
function named<T>(overlay: Overlay, kind: string, name: string): T {
  const found = rendered[overlay].filter((o) => o.kind === kind && o.metadata.name === name);
  expect(found, `${overlay}: ${kind}/${name}`).toHaveLength(1);
  return found[0] as T;
}

/** A generated ConfigMap or Secret carries a content hash after its name. */
const generated = <T>(overlay: Overlay, kind: string, name: string) =>
  rendered[overlay].filter((o) => o.kind === kind && new RegExp(`^${name}(-[a-z0-9]{10})?$`).test(o.metadata.name)) as T[];

function podSpec(workload: IDeployment | IJob): IPodSpec {
  const spec = workload.spec?.template.spec;
  expect(spec, workload.metadata?.name).toBeDefined();
  return spec!;
}

function lecternContainer(overlay: Overlay, kind: 'Deployment' | 'Job', name: string): IContainer {
  const containers = podSpec(named<IDeployment | IJob>(overlay, kind, name)).containers;
  expect(containers).toHaveLength(1);
  return containers[0];
}

const selects = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  selector !== undefined && Object.entries(selector).every(([key, value]) => labels?.[key] === value);

/** The production Secret is created from the operator's secret store; secrets.env.example names its keys. */
function productionSecretExample(): Record<string, string> {
  const text = readFileSync(join(root, 'deploy', 'k8s', 'overlays', 'production', 'secrets.env.example'), 'utf8');
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

/** Name → data of every ConfigMap and Secret the pods of this overlay can read. */
function configSources(overlay: Overlay) {
  const ofKind = <T>(kind: string) => rendered[overlay].filter((o) => o.kind === kind) as T[];
  const configMaps = new Map(ofKind<IConfigMap>('ConfigMap').map((c) => [c.metadata!.name!, c.data ?? {}]));
  const secrets = new Map(
    ofKind<ISecret>('Secret').map((s) => {
      const data = Object.entries(s.data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')]);
      return [s.metadata!.name!, Object.fromEntries(data) as Record<string, string>];
    }),
  );
  if (overlay === 'production') {
    expect(secrets.has('lectern-secrets'), 'production renders no Secret: it comes from a secret store').toBe(false);
    secrets.set('lectern-secrets', productionSecretExample());
  }
  return { configMaps, secrets };
}

/** The environment a container starts with, resolved as the kubelet does: envFrom in order, then env. */
function containerEnvironment(overlay: Overlay, container: IContainer): Record<string, string> {
  const { configMaps, secrets } = configSources(overlay);
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const data = source.configMapRef ? configMaps.get(source.configMapRef.name!) : secrets.get(source.secretRef!.name!);
    expect(data, `${container.name}: envFrom ${JSON.stringify(source)}`).toBeDefined();
    Object.assign(env, data);
  }
  for (const variable of container.env ?? []) {
    const secretRef = variable.valueFrom?.secretKeyRef;
    const configMapRef = variable.valueFrom?.configMapKeyRef;
    const value = variable.value ?? (secretRef ? secrets.get(secretRef.name!)?.[secretRef.key] : configMaps.get(configMapRef!.name!)?.[configMapRef!.key]);
    expect(value, `${container.name}: ${variable.name}`).toBeDefined();
    env[variable.name] = value!;
  }
  return env;
}

/** The variable names in README's Configuration table. */
function documentedVariables(): Set<string> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## Configuration');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const firstCells = section.split('\n').filter((line) => line.startsWith('| `')).map((line) => line.split('|')[1]);
  return new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z0-9_]+)`/g)].map((match) => match[1])));
}

/** `node dist/x/y.js` runs what the build compiles from x/y.ts. */
function expectEntryPoint(command: string[] | undefined) {
  const script = command?.find((part) => part.startsWith('dist/'));
  expect(script, command?.join(' ')).toBeDefined();
  expect(existsSync(join(root, script!.replace(/^dist\//, '').replace(/\.js$/, '.ts'))), script).toBe(true);
}

/** The API's routes outside /v1, read from its health controller. */
function apiOperationsRoutes(): string[] {
  const controller = readFileSync(join(root, 'apps', 'api', 'src', 'health', 'health.controller.ts'), 'utf8');
  return [...controller.matchAll(/@Get\('([^']+)'\)/g)].map((match) => `/${match[1]}`);
}

function longestJobBoundMs(env: Record<string, string>): number {
  const config = loadConfig(env);
  return Math.max(config.reports.jobLockMs, config.notifications.jobLockMs, config.mail.timeoutMs);
}

describe.each(OVERLAYS)('Kubernetes manifests, %s overlay', (overlay) => {
  const objects = rendered[overlay];

  it('renders only kinds with a known schema, each object valid against it, all in one namespace', () => {
    const problems: string[] = [];
    for (const object of objects) {
      const entry = MODELS[kindOf(object)];
      try {
        if (!entry) throw new Error('no schema known to this test');
        new entry.model(unwrapBase64(object) as never).validate();
      } catch (error) {
        problems.push(`${kindOf(object)} ${object.metadata.name}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
    const namespaces = objects.map((o) => (o.kind === 'Namespace' ? o.metadata.name : o.metadata.namespace));
    expect(new Set(namespaces).size).toBe(1);
  });

  it('gives the API, the worker and the migration a configuration that NODE_ENV=production accepts', () => {
    const processes = [
      lecternContainer(overlay, 'Deployment', 'lectern-api'),
      lecternContainer(overlay, 'Deployment', 'lectern-worker'),
      lecternContainer(overlay, 'Job', 'lectern-migrate'),
    ];
    for (const container of processes) {
      const env = containerEnvironment(overlay, container);
      expect(env.NODE_ENV, container.name).toBe('production');
      expect(() => loadConfig(env), container.name).not.toThrow();
    }
  });

  it('keeps secrets in the Secret, and sets only documented variables', () => {
    const configMaps = generated<IConfigMap>(overlay, 'ConfigMap', 'lectern-config');
    expect(configMaps).toHaveLength(1);
    const configKeys = Object.keys(configMaps[0].data ?? {});
    expect(configKeys.filter((key) => SECRET_KEYS.includes(key))).toEqual([]);
    const secret = [...configSources(overlay).secrets].find(([name]) => /^lectern-secrets(-[a-z0-9]{10})?$/.test(name));
    const secretKeys = Object.keys(secret![1]);
    expect(secretKeys.filter((key) => !SECRET_KEYS.includes(key))).toEqual([]);

    const known = documentedVariables();
    const containers = [
      lecternContainer(overlay, 'Deployment', 'lectern-api'),
      lecternContainer(overlay, 'Deployment', 'lectern-worker'),
      lecternContainer(overlay, 'Job', 'lectern-migrate'),
    ];
    const set = [...configKeys, ...secretKeys, ...containers.flatMap((c) => (c.env ?? []).map((v) => v.name))];
    expect(set.filter((name) => !known.has(name) && !DEPLOYMENT_VARIABLES.includes(name))).toEqual([]);
  });

  it('probes the API on its real health routes and its configured port', () => {
    const api = lecternContainer(overlay, 'Deployment', 'lectern-api');
    expect(api.ports?.find((port) => port.name === 'http')?.containerPort).toBe(loadConfig(containerEnvironment(overlay, api)).http.port);
    expect(apiOperationsRoutes()).toEqual(expect.arrayContaining(['/health/live', '/health/ready', '/metrics']));
    expect(api.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(api.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(api.startupProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expectEntryPoint(api.command);
  });

  it('probes the worker on its own port, and stops it only after its longest job could end', () => {
    const worker = lecternContainer(overlay, 'Deployment', 'lectern-worker');
    expect(worker.ports).toEqual([{ name: 'http', containerPort: loadConfig(containerEnvironment(overlay, worker)).worker.httpPort }]);
    expect(worker.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(worker.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expectEntryPoint(worker.command);
    const grace = podSpec(named<IDeployment>(overlay, 'Deployment', 'lectern-worker')).terminationGracePeriodSeconds;
    expect(grace! * 1000).toBeGreaterThan(longestJobBoundMs(containerEnvironment(overlay, worker)));
  });

  it('migrates with a Job of its own that connects straight to PostgreSQL', () => {
    const job = named<IJob>(overlay, 'Job', 'lectern-migrate');
    const container = lecternContainer(overlay, 'Job', 'lectern-migrate');
    expect(container.command).toEqual(['node', 'dist/prisma/migrate.js']);
    expectEntryPoint(container.command);
    expect(podSpec(job).restartPolicy).toBe('Never');
    expect(container.env?.find((v) => v.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef?.key).toBe('DIRECT_DATABASE_URL');
    // rollout.sh applies everything but the api and worker components first, then waits for this Job
    expect(job.metadata?.labels?.['app.kubernetes.io/component']).toBe('migration');
  });

  it('scales the API and the worker each with its own autoscaler, and disrupts one pod of each at a time', () => {
    const deployments = objects.filter((o) => o.kind === 'Deployment') as IDeployment[];
    for (const name of ['lectern-api', 'lectern-worker']) {
      const deployment = named<IDeployment>(overlay, 'Deployment', name);
      expect(deployment.spec?.replicas, `${name}: the autoscaler owns the replica count`).toBeUndefined();
      expect(selects(deployment.spec?.selector.matchLabels, deployment.spec?.template.metadata?.labels)).toBe(true);
      const hpa = named<IHorizontalPodAutoscaler>(overlay, 'HorizontalPodAutoscaler', name);
      expect(hpa.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(hpa.spec!.minReplicas).toBeLessThanOrEqual(hpa.spec!.maxReplicas);
      const pdb = named<IPodDisruptionBudget>(overlay, 'PodDisruptionBudget', name);
      const selected = deployments.filter((d) => selects(pdb.spec?.selector?.matchLabels, d.spec?.template.metadata?.labels));
      expect(selected.map((d) => d.metadata?.name)).toEqual([name]);
      expect(pdb.spec?.maxUnavailable).toBe(1);
    }
  });

  it('bounds every container’s memory, and runs Lectern unprivileged', () => {
    const workloads = objects.filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind)) as (IDeployment | IJob)[];
    for (const workload of workloads) {
      const pod = podSpec(workload);
      for (const container of pod.containers) {
        expect(container.resources?.requests?.memory, container.name).toBeDefined();
        expect(container.resources?.limits?.memory, container.name).toBeDefined();
      }
      if (!workload.metadata?.name?.startsWith('lectern-')) continue;
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const container of pod.containers) {
        expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
      }
    }
  });

  it('routes the Ingress to the API Service and publishes neither /metrics nor /health', () => {
    const api = named<IDeployment>(overlay, 'Deployment', 'lectern-api');
    const service = named<IService>(overlay, 'Service', 'lectern-api');
    expect(selects(service.spec?.selector, api.spec?.template.metadata?.labels)).toBe(true);
    expect(podSpec(api).containers[0].ports?.map((port) => port.name)).toContain(service.spec?.ports?.[0].targetPort);

    const paths = (named<IIngress>(overlay, 'Ingress', 'lectern-api').spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? []);
    expect(paths.map((path) => path.path)).toEqual(['/v1', '/docs', '/docs-json']);
    for (const path of paths) {
      expect(path.backend.service?.name).toBe('lectern-api');
      expect(service.spec?.ports?.map((port) => port.name)).toContain(path.backend.service?.port?.name);
      for (const internal of apiOperationsRoutes()) {
        const prefix = `${path.path!.replace(/\/$/, '')}/`;
        const published = path.pathType === 'Exact' ? internal === path.path : `${internal}/`.startsWith(prefix);
        expect(published, `${path.path} publishes ${internal}`).toBe(false);
      }
    }
  });

  it("stays within PostgreSQL's default connection limit at full scale, during a rolling update", () => {
    const connections = ['lectern-api', 'lectern-worker'].map((name) => {
      const deployment = named<IDeployment>(overlay, 'Deployment', name);
      const pods = named<IHorizontalPodAutoscaler>(overlay, 'HorizontalPodAutoscaler', name).spec!.maxReplicas;
      const surge = deployment.spec?.strategy?.rollingUpdate?.maxSurge;
      expect(typeof surge, `${name}: maxSurge as a number of pods`).toBe('number');
      const pool = loadConfig(containerEnvironment(overlay, lecternContainer(overlay, 'Deployment', name))).database.poolSize;
      // a worker keeps connections of its own for its report job besides its pool
      return (pods + (surge as number)) * (pool + (name === 'lectern-worker' ? REPORT_CONNECTIONS : 0));
    });
    const migration = 1;
    expect(connections[0] + connections[1] + migration).toBeLessThanOrEqual(POSTGRES_CONNECTIONS);
  });
});

describe('Kubernetes manifests, every field', () => {
  it('is one the Kubernetes API knows (kubectl refuses unknown fields; the schemas accept them)', () => {
    // TypeScript's excess property check on the models' interfaces finds what the JSON schemas let through.
    const objects = OVERLAYS.flatMap((overlay) => rendered[overlay].map((object) => ({ overlay, object })));
    const imports = Object.values(MODELS).map((m) => `import type { ${m.type} } from 'kubernetes-models/${m.module}';`);
    const declarations = objects.map(({ object }, i) => `export const o${i}: ${MODELS[kindOf(object)].type} = ${JSON.stringify(object)};`);
    const file = join(root, 'test', '__rendered-manifests__.ts');
    const source = [...imports, ...declarations].join('\n');
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      lib: ['lib.es2022.d.ts'],
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      target: ts.ScriptTarget.ES2022,
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.getSourceFile = (name, language, ...rest) =>
      name === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
    host.fileExists = (name) => name === file || fileExists(name);
    const problems = ts.getPreEmitDiagnostics(ts.createProgram([file], options, host)).map((diagnostic) => {
      const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line : -1;
      const at = objects[line - imports.length];
      const where = at ? `${at.overlay} ${kindOf(at.object)} ${at.object.metadata.name}` : 'imports';
      return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
    });
    expect(problems).toEqual([]);
  });
});

describe('deploy/k8s/rollout.sh', () => {
  // A stand-in kubectl: it renders with the real one and records every other call, answering the Job's state.
  const dir = mkdtempSync(join(tmpdir(), 'lectern-rollout-'));
  const log = join(dir, 'calls.log');
  writeFileSync(
    join(dir, 'kubectl'),
    `#!/usr/bin/env bash
[[ $1 == kustomize ]] && exec "$REAL_KUBECTL" "$@"
printf '%s\\n' "$*" >> "$CALLS"
[[ " $* " == *" -f - "* ]] && cat > /dev/null
[[ " $* " == *" get job "* ]] && printf '%s' "$JOB_CONDITIONS"
exit 0
`,
  );
  chmodSync(join(dir, 'kubectl'), 0o755);
  const realKubectl = execFileSync('bash', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function rollout(jobConditions: string): { status: number; calls: string[] } {
    rmSync(log, { force: true });
    let status = 0;
    try {
      execFileSync('bash', [join(root, 'deploy', 'k8s', 'rollout.sh'), join(root, 'deploy', 'k8s', 'overlays', 'production')], {
        env: childEnvironment({ PATH: `${dir}:${childEnvironment({}).PATH ?? ''}`, REAL_KUBECTL: realKubectl, CALLS: log, JOB_CONDITIONS: jobConditions }),
        stdio: 'pipe',
      });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    return { status, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
  }

  it('applies the configuration and the migration Job, waits for it, then rolls the API and the worker', () => {
    const { status, calls } = rollout('SuccessCriteriaMet Complete ');
    expect(status).toBe(0);
    expect(calls).toEqual([
      '-n lectern delete job lectern-migrate --ignore-not-found --wait=true',
      'apply -l app.kubernetes.io/component notin (api,worker) -f -',
      expect.stringMatching(/^-n lectern get job lectern-migrate -o jsonpath=/),
      'apply -f -',
      '-n lectern rollout status deployment/lectern-api --timeout=1800s',
      '-n lectern rollout status deployment/lectern-worker --timeout=1800s',
    ]);
  });

  it('leaves the running version alone when the migration fails', () => {
    const { status, calls } = rollout('Failed ');
    expect(status).toBe(1);
    expect(calls).not.toContain('apply -f -');
    expect(calls.at(-1)).toBe('-n lectern logs job/lectern-migrate --tail=100');
  });
});

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  profiles?: string[];
  stop_grace_period?: string;
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
  const services = compose.services;
  const lectern = ['migrate', 'api', 'worker', 'demo'];

  it('starts every service once what it needs is healthy, the API and the worker after the migration', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'demo', 'mailpit', 'migrate', 'postgres', 'redis', 'worker']);
    for (const name of ['postgres', 'redis', 'mailpit', 'api', 'worker']) expect(services[name].healthcheck, name).toBeDefined();
    expect(services.migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const name of ['api', 'worker', 'demo']) {
      expect(services[name].depends_on?.migrate, name).toEqual({ condition: 'service_completed_successfully' });
      expect(services[name].depends_on?.redis, name).toEqual({ condition: 'service_healthy' });
    }
    expect(services.worker.depends_on?.mailpit).toEqual({ condition: 'service_healthy' });
    expect(services.redis.command?.join(' ')).toContain('--maxmemory-policy noeviction');
    expect(services.demo.profiles).toEqual(['demo']);
  });

  it('runs one image for every Lectern process, chosen by command, each with a configuration it accepts', () => {
    expect(new Set(lectern.map((name) => services[name].image)).size).toBe(1);
    for (const name of lectern) {
      const commands = services[name].command!.join(' ').replace(/^sh -c /, '').split('&&');
      for (const command of commands) expectEntryPoint(command.trim().split(/\s+/));
      expect(() => loadConfig(services[name].environment), name).not.toThrow();
    }
    for (const name of ['migrate', 'api', 'worker']) expect(services[name].environment?.NODE_ENV).toBe('production');
    // the seed and the demo refuse production
    expect(services.demo.environment?.NODE_ENV).toBe('development');
    expect(services.worker.environment?.SMTP_HOST).toBe('mailpit');
    const graceSeconds = Number(/^(\d+)s$/.exec(services.worker.stop_grace_period ?? '')?.[1]);
    expect(graceSeconds * 1000).toBeGreaterThan(longestJobBoundMs(services.worker.environment!));
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('runs the API by default, as a non-root user, with everything the processes read at run time', () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain('CMD ["node", "dist/apps/api/src/main.js"]');
    for (const path of ['package.json', 'locales', 'prisma/migrations']) expect(runtime).toContain(`COPY ${path} `);
    expect(runtime).toContain('COPY --from=production-dependencies /app/node_modules ./node_modules');
    for (const dist of ['apps', 'libs', 'prisma', 'reports']) expect(runtime).toContain(`COPY --from=build /app/dist/${dist} ./dist/${dist}`);
  });

  it('keeps every font file the reports embed', () => {
    const prune = /^RUN find node_modules\/@expo-google-fonts [^\n]*(?:\\\n[^\n]*)*-delete$/m.exec(dockerfile)?.[0] ?? '';
    expect(prune).toContain("-name '*.ttf'");
    const kept = [...prune.matchAll(/! -path '\*\/([^']+)'/g)].map((m) => `@expo-google-fonts/${m[1]}`);
    expect(kept.sort()).toEqual([...new Set(Object.values(REPORT_FONT_FILES))].sort());
  });
});
