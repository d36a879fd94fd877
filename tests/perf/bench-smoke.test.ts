// The benchmark at toy sizes, so `npm run bench` cannot rot: every measurement runs and the report renders.
// No figure is judged here; speed is read in docs/performance.md, not asserted by tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionSet } from '../../src/quality/question-set.ts';
import { FIXTURE_DIR, fixtureEngine } from '../helpers/knowledge.ts';
import { measureBotMemory } from './bot-memory.ts';
import { measureColdStart } from './cold-start.ts';
import { measureEndToEnd } from './end-to-end.ts';
import { benchEngine } from './engine-size.ts';
import { ENGINE_AREAS, summarise } from './profile-summary.ts';
import { measureReloadUnderLoad } from './reload-under-load.ts';
import { renderReport, spliceReport, targets, type BenchFigures } from './report.ts';
import { writeSyntheticKnowledge } from './synthetic-knowledge.ts';

const finite = (...values: number[]) => values.every((v) => Number.isFinite(v));
const SLOW = 90_000; // processes and a bot start on a machine that may be busy

describe('npm run bench, in miniature', () => {
  const figures: BenchFigures = { date: 'today', machine: 'test', command: 'npm run bench -- --quick', engine: [] };

  it('GIVEN the fixture base at 1× and 3× THEN measures the engine and the fuse.js baseline, and profiles where asked', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'xenbot-profile-'));
    const profile = join(profileDir, 'engine-3x.cpuprofile');
    figures.engine = [
      await benchEngine({ times: 1, repeat: 1, baselineSample: 3, knowledgeDir: FIXTURE_DIR }),
      await benchEngine({ times: 3, repeat: 1, baselineSample: 3, knowledgeDir: FIXTURE_DIR, profile }),
    ];
    figures.profile = { times: 3, areas: summarise(profile, ENGINE_AREAS) };
    rmSync(profileDir, { recursive: true, force: true });
    expect(figures.profile.areas.map((a) => a.area)).toContain('BM25');
    const [single, triple] = figures.engine;
    expect(triple!.facts).toBe(3 * single!.facts);
    for (const e of figures.engine) {
      expect(finite(e.buildMs, e.heapMb, e.rssMb, e.answer.p50, e.answer.p99, e.qps, e.autocomplete.p99, e.speedup.mean)).toBe(true);
      expect(e.answer.n).toBe(loadQuestionSet().length);
      expect(e.baseline.sample).toBe(3);
    }
    expect(single!.top1?.questions).toBeGreaterThan(0);
    expect(triple!.top1).toBeUndefined(); // quality is measured on the real, unmultiplied base only
  }, SLOW);

  it('GIVEN the compiled ask THEN times a first run from the files and a run from the snapshot, on the real base and a larger folder', () => {
    figures.coldStart = measureColdStart(1);
    expect(finite(figures.coldStart.fromFilesMs, figures.coldStart.fromSnapshot.p50)).toBe(true);
    const facts = figures.engine[0]!.facts;
    const dir = writeSyntheticKnowledge(2, FIXTURE_DIR);
    try {
      const larger = measureColdStart(1, dir, 2 * facts);
      expect(finite(larger.fromFilesMs, larger.fromFilesPeakRssMb!, larger.fromSnapshot.p50, larger.fromSnapshotPeakRssMb!)).toBe(true);
      figures.starts = [{ ...figures.coldStart, facts }, larger];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, SLOW);

  it('GIVEN a reload of a larger base under load THEN measures the commands answered meanwhile and the event loop', async () => {
    figures.reload = await measureReloadUnderLoad(2, fixtureEngine(), FIXTURE_DIR);
    expect(figures.reload.result.ok).toBe(true);
    expect(figures.reload.latencyMs.n).toBeGreaterThan(0);
    expect(finite(figures.reload.eventLoopDelayMs.p99)).toBe(true);
  }, SLOW);

  it('GIVEN the compiled bot on the fake Discord, started as npm start does THEN reads its resident memory', async () => {
    const snapshotDir = mkdtempSync(join(tmpdir(), 'xenbot-smoke-'));
    try {
      figures.botFromFiles = await measureBotMemory(['What is PVH?'], 3, snapshotDir);
      figures.botMemory = await measureBotMemory(['What is PVH?'], 3, snapshotDir);
    } finally {
      rmSync(snapshotDir, { recursive: true, force: true });
    }
    expect(figures.botMemory.rssAfterLoadMb).toBeGreaterThan(0);
    expect(figures.botMemory.command).toMatch(/^node .*dist\/discord\/main\.js$/);
  }, SLOW);

  it('GIVEN slash commands and autocomplete end to end THEN every one is answered exactly once', async () => {
    figures.endToEnd = await measureEndToEnd({ sequential: 4, concurrent: 4, warmup: 2 });
    expect(figures.endToEnd.map((r) => `${r.what} ${r.mode} ${r.figures.answeredOnce}/${r.figures.n}`)).toEqual([
      'slash commands sequential 4/4',
      'slash commands concurrent 4/4',
      'autocomplete sequential 4/4',
      'autocomplete concurrent 4/4',
    ]);
  }, SLOW);

  it('GIVEN all the figures THEN the report has every section and checks every target', () => {
    const report = renderReport(figures);
    for (const heading of [
      '## Targets',
      '## The answer engine by base size',
      "## Where a question's time goes at 3×",
      '## Start-up of `ask`, by base size',
      '## Reloading a 2× base while answering',
      '## The running bot',
      '## End to end through the fake Discord',
    ]) {
      expect(report).toContain(heading);
    }
    expect(report).toContain(`3× (${figures.engine[1]!.facts} facts)`);
    // Real base 4, the 3× base 2, speed-up 1, ask 1, the larger start 2, reload 1, end to end 3, the bot 2.
    expect(targets(figures)).toHaveLength(16);
  });
});

describe('docs/performance.md', () => {
  it('GIVEN notes written around the figures THEN a new run replaces the figures and keeps the notes', () => {
    const first = spliceReport('', '# Performance\nold figures\n');
    const annotated = `${first}\n## Notes\nwritten by hand\n`;
    const next = spliceReport(annotated, '# Performance\nnew figures\n');
    expect(next).toContain('new figures');
    expect(next).not.toContain('old figures');
    expect(next).toContain('## Notes\nwritten by hand');
  });
});
