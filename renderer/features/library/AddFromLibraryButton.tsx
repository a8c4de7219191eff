import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LibraryGallery } from './LibraryGallery';

/** The button that opens the use-case gallery, and the gallery while it is open. */
export function AddFromLibraryButton() {
  const { t } = useTranslation('authoring');
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn--primary"
        onClick={() => setOpen(true)}
        data-testid="add-from-library"
      >
        {t('library.open')}
      </button>
      {isOpen ? <LibraryGallery onClose={() => setOpen(false)} /> : null}
    </>
  );
}
