// The worker thread of the build's renderer of bodies (src/render-body.ts): it loads astro.config.mjs
// itself and compiles and runs, with that file's Markdown processor, the bodies the caches lack.
// Its memory (the tokenizer of the readings, within a heap of WORKER_HEAP_MB) goes with it when
// the content is loaded. One body at a time (Tinypool's default), so what the plugins say is that body's.
import Tinypool from 'tinypool';
import type { AstroConfig } from 'astro';
import {
  collectWarnings,
  createInProcessRenderer,
  pipelineOf,
  type BodyRenderer,
  type BodyResult,
  type RenderSettings,
} from './render-body.ts';
import { prepareStoryText } from './markdown.ts';

const { settings, pipeline } = Tinypool.workerData as { settings: RenderSettings; pipeline: string };

/** Errors of the worker itself, which no body is to blame for, carry this mark (src/render-body.ts). */
const startup = (message: string) => new Error(`[renderer] ${message}`);

async function start(): Promise<BodyRenderer> {
  const configFile = new URL('astro.config.mjs', settings.root).href;
  const { default: config } = (await import(configFile).catch((error: unknown) => {
    throw startup(`the worker thread cannot load ${configFile}: ${error instanceof Error ? error.message : String(error)}`);
  })) as { default: AstroConfig };
  const processor = config.markdown.processor;
  // The build's processor is this one after the integrations' hooks: one that changed it would
  // render the bodies here otherwise than the build. None of this project's does; say so if one does.
  if (pipelineOf(processor) !== pipeline)
    throw startup(
      `the Markdown processor of astro.config.mjs is not the build's (an integration changed it): ${pipelineOf(processor)} against ${pipeline}`,
    );
  return createInProcessRenderer(processor, settings);
}

let renderer: Promise<BodyRenderer> | undefined;

type Job = { body: string; filePath: string; frontmatter: Record<string, unknown> };

/** Compiles and runs one body; or, asked to `prepare` for a body's file, loads all it needs first. */
export default async function render(job: Job | { prepare: string }): Promise<BodyResult | undefined> {
  if ('prepare' in job) {
    await (renderer ??= start());
    await prepareStoryText(job.prepare);
    return undefined;
  }
  const render = await (renderer ??= start());
  const takeWarnings = collectWarnings();
  try {
    const { file } = await render(job.body, job.filePath, job.frontmatter);
    return { file, notices: takeWarnings() };
  } finally {
    takeWarnings();
  }
}
