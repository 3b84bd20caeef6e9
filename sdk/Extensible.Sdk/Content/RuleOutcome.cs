namespace Extensible.Sdk.Content;

/// <summary>A content rule's judgement.</summary>
public enum RuleOutcome
{
    /// <summary>Nothing to say.</summary>
    Pass = 0,

    /// <summary>Shown to the author and approver; publishing may go on.</summary>
    Warn = 1,

    /// <summary>The draft cannot be approved or published for that network until it changes.</summary>
    Block = 2,
}
