import { Link } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router-dom';

interface BreadcrumbNavProps {
  /** The landmark's name, e.g. "Where the unit sits". */
  label: string;
  items: readonly { to: string; label: string }[];
  /** The current page, shown last without a link; leave out when the trail ends with links. */
  current?: string;
}

/** A trail of links (e.g. a unit's path through the tree) as a labelled navigation landmark. */
export function BreadcrumbNav({ label, items, current }: BreadcrumbNavProps) {
  if (items.length === 0 && current === undefined) {
    return null;
  }
  return (
    <nav aria-label={label} className="breadcrumb-nav">
      <ol>
        {items.map((item) => (
          <li key={item.to}>
            <Link asChild>
              <RouterLink to={item.to}>{item.label}</RouterLink>
            </Link>
          </li>
        ))}
        {current !== undefined && <li aria-current="page">{current}</li>}
      </ol>
    </nav>
  );
}
