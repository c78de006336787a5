// The worker thread of the build's renderer of bodies (src/render-body.ts): it loads astro.config.mjs
// itself and compiles and runs, with that file's Markdown processor, the bodies the caches lack.
// Its memory (the tokenizer of the readings, every compiled module) goes with it when the content
// is loaded.
import Tinypool from 'tinypool';
import type { AstroConfig } from 'astro';
import { createInProcessRenderer, pipelineOf, type BodyRenderer, type RenderSettings, type RenderedBody } from './render-body.ts';

const { settings, pipeline } = Tinypool.workerData as { settings: RenderSettings; pipeline: string };

async function start(): Promise<BodyRenderer> {
  const { default: config } = (await import(new URL('astro.config.mjs', settings.root).href)) as { default: AstroConfig };
  const processor = config.markdown.processor;
  // The build's processor is this one after the integrations' hooks: one that changed it would
  // render the bodies here otherwise than the build. None of this project's does; say so if one does.
  if (pipelineOf(processor) !== pipeline)
    throw new Error(
      `the Markdown processor of astro.config.mjs is not the build's (an integration changed it): ${pipelineOf(processor)} against ${pipeline}`,
    );
  return createInProcessRenderer(processor, settings);
}

let renderer: Promise<BodyRenderer> | undefined;

export default async function render(job: { body: string; filePath: string; frontmatter: Record<string, unknown> }): Promise<RenderedBody> {
  return (await (renderer ??= start()))(job.body, job.filePath, job.frontmatter);
}
