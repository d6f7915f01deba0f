import { ApiError } from '../api/client.js';
import { EstimateDealForm } from './EstimateDealForm.js';
import { MyEarningsSection } from './MyEarningsSection.js';
import { SectionSkeleton } from './SectionSkeleton.js';
import { useSession } from '../session/SessionProvider.js';
import { useMyEarnings } from './use-my-pay.js';
import '../plans/what-if.css';

/** The top of a payee's home: her earnings this fiscal year and the deal estimator (her own person only). */
export function RepEarnings() {
  const { me } = useSession();
  const earnings = useMyEarnings(true);
  // The earnings keep a reserved height and the estimator shows at once, so nothing below moves as the figures arrive.
  return (
    <div className="rep-earnings">
      <div className="rep-earnings-slot">
        {earnings.data ? <MyEarningsSection earnings={earnings.data} /> : earnings.isError ? (
          <p className="error" role="alert">Your earnings could not be loaded: {earnings.error instanceof ApiError ? earnings.error.message : 'the server could not be reached.'}</p>
        ) : <SectionSkeleton rows={3} />}
      </div>
      <EstimateDealForm currency={earnings.data?.currency ?? me.org.defaultCurrency} />
    </div>
  );
}
