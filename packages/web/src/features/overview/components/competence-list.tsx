import { Heading } from '@digdir/designsystemet-react';
import type { CampaignOverview } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellColour } from '../colour-scale';
import type { FigureText } from '../figures';
import { FigureValue } from './figure-value';

interface CompetenceListProps {
  areas: CampaignOverview['areas'];
  textOf: (nodeId: string) => FigureText;
  colourOf: (nodeId: string) => CellColour;
  pinned: string | null;
  onPin: (nodeId: string) => void;
  onPreview: (nodeId: string | null) => void;
}

function AreaGroup({
  area,
  textOf,
  colourOf,
  pinned,
  onPin,
  onPreview,
}: Omit<CompetenceListProps, 'areas'> & { area: CampaignOverview['areas'][number] }) {
  const id = useId();
  return (
    <div className="competence-list__area">
      <p className="competence-list__area-name" id={id}>
        {area.code} {area.name}
      </p>
      <ul className="competence-list" aria-labelledby={id}>
        {area.competences.map((competence) => {
          const text = textOf(competence.id);
          const colour = colourOf(competence.id);
          return (
            <li key={competence.id}>
              <button
                type="button"
                className="competence-list__button ds-focus"
                aria-pressed={pinned === competence.id}
                onClick={() => onPin(competence.id)}
                onFocus={() => onPreview(competence.id)}
                onBlur={() => onPreview(null)}
                onMouseEnter={() => onPreview(competence.id)}
                onMouseLeave={() => onPreview(null)}
              >
                <span className="competence-list__name">
                  <span className="competence-list__code">{competence.code}</span> {competence.name}
                </span>
                <span
                  className="competence-list__value"
                  data-kind={text.kind}
                  style={{ backgroundColor: colour.fill, color: colour.text }}
                >
                  <FigureValue text={text} compact />
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The wheel's competences by area, each with its average; choosing one shows its distribution. */
export function CompetenceList(props: CompetenceListProps) {
  const { t } = useTranslation();
  return (
    <div className="competence-list__wrap">
      <Heading level={3} data-size="xs">
        {t('overview.wheel.listHeading')}
      </Heading>
      {props.areas
        .filter((area) => area.competences.length > 0)
        .map((area) => (
          <AreaGroup key={area.id} area={area} {...props} />
        ))}
    </div>
  );
}
