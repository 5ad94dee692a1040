/**
 * Inspection events: the one stream that tests, logs, the SRE tree and metrics read. Emitted from
 * one spot in the runtime; with no observer registered an emit costs one length check.
 */

export type InspectionEvent =
  | {
      readonly type: 'actor.started';
      readonly address: string;
      readonly seq: number;
      readonly replayed: number;
    }
  | {
      readonly type: 'actor.transition';
      readonly address: string;
      readonly message: string;
      readonly events: number;
      readonly latencyUs: number;
      readonly mailboxDepth: number;
    }
  | {
      readonly type: 'actor.rejected';
      readonly address: string;
      readonly message: string;
      readonly code: string;
    }
  | {
      readonly type: 'actor.failed';
      readonly address: string;
      readonly message: string;
      readonly error: string;
    }
  | { readonly type: 'actor.restarted'; readonly address: string; readonly restarts: number }
  | { readonly type: 'actor.stopped'; readonly address: string; readonly reason: string }
  | {
      readonly type: 'supervisor.restart-scheduled';
      readonly supervisor: string;
      readonly child: string;
      readonly attempt: number;
      readonly delayMs: number;
    }
  | {
      readonly type: 'supervisor.escalated';
      readonly supervisor: string;
      readonly child: string;
      readonly error: string;
    }
  | {
      readonly type: 'admin.command';
      readonly principal: string;
      readonly verb: string;
      readonly target: string;
      readonly outcome: 'accepted' | 'denied';
    }
  | {
      readonly type: 'dead-letter';
      readonly address: string;
      readonly message: string;
      readonly reason: string;
    };

export type InspectionObserver = (event: InspectionEvent) => void;

export class Inspector {
  private observers: InspectionObserver[] = [];

  get active(): boolean {
    return this.observers.length > 0;
  }

  subscribe(observer: InspectionObserver): () => void {
    this.observers = [...this.observers, observer];
    return () => {
      this.observers = this.observers.filter((o) => o !== observer);
    };
  }

  emit(event: InspectionEvent): void {
    for (const observer of this.observers) {
      try {
        observer(event);
      } catch {
        // An observer's bug must never break the actor that emitted the event.
      }
    }
  }
}
