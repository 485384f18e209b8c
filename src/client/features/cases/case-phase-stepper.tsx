import { useTranslation } from 'react-i18next';
import { casePhases, type CasePhase } from '../../../shared/contracts/cases';
import { phaseIndex } from '../../../shared/domain/cases/phase-machine';
import { phaseLabel } from './case-format';

/**
 * The six phases in their order. The state of each step is written out ("abgeschlossen",
 * "aktuelle Phase"), and marked with a symbol too, so that it is not told by colour alone.
 */
export function CasePhaseStepper({ phase }: { phase: CasePhase }) {
  const { t } = useTranslation();
  const current = phaseIndex(phase);
  return (
    <ol
      aria-label={t('cases.phase.stepperLabel')}
      style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', listStyle: 'none', padding: 0, margin: 0 }}
    >
      {casePhases.map((p, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li
            key={p}
            aria-current={state === 'current' ? 'step' : undefined}
            className="kern-body"
            style={{
              border: state === 'current' ? '3px solid currentColor' : '1px solid currentColor',
              borderRadius: '0.25rem',
              padding: '0.25rem 0.75rem',
              fontWeight: state === 'current' ? 700 : 400,
            }}
          >
            <span aria-hidden="true">{state === 'done' ? '✓ ' : state === 'current' ? '▶ ' : `${index + 1}. `}</span>
            {phaseLabel(p)}
            <span className="kern-sr-only"> ({t(`cases.phase.stepState.${state}`)})</span>
          </li>
        );
      })}
    </ol>
  );
}
