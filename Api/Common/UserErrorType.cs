using GraphQL.Types;

namespace OurSociety.Federation.Api.Common;

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "Why a mutation did nothing: a stable code to branch on, a message for people, and the input field at fault.";
        Field(x => x.Code).Description("A stable code such as NOT_A_MEMBER or SLUG_TAKEN; never renamed.");
        Field(x => x.Message).Description("What went wrong and how to put it right, in plain words.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("field")
            .Description("The path of the input field at fault, e.g. [\"input\", \"title\"]; null when the whole request is at fault.")
            .Resolve(ctx => ctx.Source.Field.Count > 0 ? ctx.Source.Field : null);
    }
}
