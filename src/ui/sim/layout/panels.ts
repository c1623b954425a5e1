// The simulator's panels: what each tab shows and how its component arrives. Heavy ones (the
// statechart with its layout engine, the editor, the mailboxes with their MIME parser) are
// separate chunks, fetched the first time their tab opens; the light ones are in the page.
import type { Component } from 'svelte';
import type { Simulator } from '../../../app/simulator/simulator.svelte';
import type { MessageKey } from '../../../i18n/index.svelte';
import AccountingPanel from '../inspect/AccountingPanel.svelte';
import DnsInspector from '../inspect/DnsInspector.svelte';
import EventLog from '../inspect/EventLog.svelte';
import ExplainPanel from '../inspect/ExplainPanel.svelte';
import QueueInspector from '../inspect/QueueInspector.svelte';
import FaultPanel from '../edit/FaultPanel.svelte';
import SendForm from '../edit/SendForm.svelte';
import TranscriptView from '../views/TranscriptView.svelte';

export type SimComponent = Component<{ sim: Simulator }>;
export type SimModule = { default: SimComponent };

export type PanelId =
  | 'transcript'
  | 'explain'
  | 'queue'
  | 'dns'
  | 'mailboxes'
  | 'log'
  | 'accounting'
  | 'statechart'
  | 'faults'
  | 'console'
  | 'send'
  | 'editor';

export interface PanelDef {
  id: PanelId;
  label: MessageKey;
  /** Either the component itself or a loader for its chunk. */
  component?: SimComponent;
  load?: () => Promise<SimModule>;
}

export const PANELS: PanelDef[] = [
  { id: 'transcript', label: 'sim.panel.transcript', component: TranscriptView },
  { id: 'explain', label: 'sim.panel.explain', component: ExplainPanel },
  {
    id: 'statechart',
    label: 'sim.panel.statechart',
    load: () => import('../inspect/StatechartView.svelte'),
  },
  { id: 'queue', label: 'sim.panel.queue', component: QueueInspector },
  { id: 'dns', label: 'sim.panel.dns', component: DnsInspector },
  {
    id: 'mailboxes',
    label: 'sim.panel.mailboxes',
    load: () => import('../inspect/MailboxInspector.svelte'),
  },
  { id: 'log', label: 'sim.panel.log', component: EventLog },
  { id: 'accounting', label: 'sim.panel.accounting', component: AccountingPanel },
  { id: 'faults', label: 'sim.panel.faults', component: FaultPanel },
  { id: 'console', label: 'sim.panel.console', load: () => import('../edit/SimConsole.svelte') },
  { id: 'send', label: 'sim.panel.send', component: SendForm },
  { id: 'editor', label: 'sim.panel.editor', load: () => import('../edit/ScenarioEditor.svelte') },
];

export const PANEL_IDS: readonly PanelId[] = PANELS.map((p) => p.id);

export function isPanelId(value: unknown): value is PanelId {
  return typeof value === 'string' && (PANEL_IDS as readonly string[]).includes(value);
}
