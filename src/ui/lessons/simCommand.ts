// The simulator's keyboard commands (ui/sim/controls/keymap.ts) carried out on a simulator, as the
// sandbox page does; `help` is the caller's to handle.
import type { Simulator } from '../../app/simulator/simulator.svelte';
import type { Command } from '../sim/controls/keymap';

/** Carries out `command`; false for `help`, which the page shows itself. */
export function runSimCommand(sim: Simulator, command: Command): boolean {
  switch (command.do) {
    case 'toggle':
      sim.toggle();
      return true;
    case 'step':
      sim.step(command.kind, command.dir);
      return true;
    case 'home':
      sim.home();
      return true;
    case 'end':
      sim.end();
      return true;
    case 'faster':
      sim.changeSpeed(1);
      return true;
    case 'slower':
      sim.changeSpeed(-1);
      return true;
    case 'help':
      return false;
  }
}
