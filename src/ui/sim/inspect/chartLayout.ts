/// <reference types="vite/client" />
// The two SMTP machines as drawable models, and their layouts by elkjs, loaded on first use (a
// large library, kept out of the first page's bundle) and run in a Web Worker (the page stays
// responsive while it lays out), once per machine. (The reference above types the `?worker`
// import for the Node type check of the tests, which import this file.)
import { smtpClientMachine } from '../../../core/machines/smtpClient/machine';
import { smtpServerMachine } from '../../../core/machines/smtpServer/machine';
import { fromElkLayout, toElkGraph, type ChartLayout } from './chartElk';
import { chartModel, type ChartModel } from './chartModel';
import type { Role } from './chartState';

const models = new Map<Role, ChartModel>();

export function modelFor(role: Role): ChartModel {
  let model = models.get(role);
  if (!model) {
    model = chartModel(role === 'server' ? smtpServerMachine : smtpClientMachine);
    models.set(role, model);
  }
  return model;
}

const layouts = new Map<string, Promise<ChartLayout>>();

/** The layout of a model, from the cache after the first call; a failed layout is retried. */
export function layoutFor(model: ChartModel): Promise<ChartLayout> {
  let layout = layouts.get(model.id);
  if (!layout) {
    layout = Promise.all([
      import('elkjs/lib/elk-api.js'),
      import('elkjs/lib/elk-worker.min.js?worker'),
    ]).then(async ([{ default: ELK }, { default: ElkWorker }]) => {
      const elk = new ELK({ workerFactory: () => new ElkWorker() });
      try {
        return fromElkLayout(await elk.layout(toElkGraph(model)));
      } finally {
        elk.terminateWorker();
      }
    });
    layouts.set(model.id, layout);
    layout.catch(() => layouts.delete(model.id));
  }
  return layout;
}
