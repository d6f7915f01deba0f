import { Link } from 'wouter';
import { useSession } from '../session/SessionProvider.js';
import { ImportWizard } from './ImportWizard.js';

/** Import CSV files of CRM records: for administrators and sales operations (`import:run`). */
export function ImportPage() {
  const { can } = useSession();
  if (!can('import:run')) {
    return (
      <section className="empty-state" data-testid="import-not-allowed">
        <h1>Import</h1>
        <p>You are not allowed to import records. Importing is for administrators and sales operations: ask one of them to import the file for you.</p>
        <Link href="/">Back to home</Link>
      </section>
    );
  }
  return (
    <div className="import-page">
      <header className="page-header">
        <h1>Import</h1>
        <p className="muted">Bring accounts, contacts, leads, opportunities, activities or people in from a CSV file. Nothing is written until the last step, and then all or nothing.</p>
      </header>
      <ImportWizard />
    </div>
  );
}
