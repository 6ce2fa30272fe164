using TclHotline.Dispatch.Domain.Planning;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.Dispatch.Application;

/// <summary>The domain's problems, each named by its request field, as the refusal the caller gets.</summary>
public static class DispatchRefusals
{
    public static FieldErrors AddAll(this FieldErrors errors, IEnumerable<DispatchProblem> problems)
    {
        foreach (var problem in problems)
        {
            errors.Add(problem.Field, problem.Message);
        }

        return errors;
    }
}
