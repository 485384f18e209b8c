import { registerAgencyPolicies } from './agencies/agencies.policy';
import { registerUserPolicies } from './admin/users.policy';
import { registerCasePolicies } from './cases/cases.policy';
import { registerPeoplePolicies } from './people/people.policy';

let registered = false;

/** Registers every module's record-scope resolvers with the access checker (once per process). */
export function registerPolicies(): void {
  if (registered) return;
  registered = true;
  registerAgencyPolicies();
  registerUserPolicies();
  registerPeoplePolicies();
  registerCasePolicies();
}
