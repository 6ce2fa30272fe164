namespace TclHotline.Complaints.Domain;

/// <summary>Who owns a complaint; a missed deadline climbs one level (rule 20). The numbers are the bus's levels.</summary>
public enum EscalationLevel
{
    BranchServiceDirector = 1,
    RegionalServiceManager = 2,
    HeadquartersCustomerService = 3,
}
