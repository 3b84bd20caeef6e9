namespace Extensible.Admin.Live;

/// <summary>A short notice shown in the console's toast area; its text is encoded when rendered.</summary>
/// <param name="Message">The notice, as plain text.</param>
/// <param name="Kind">How it is shown: <c>info</c>, <c>success</c> or <c>error</c> (errors stay until dismissed).</param>
public sealed record Toast(string Message, string Kind = Toast.Info)
{
    /// <summary>A neutral notice.</summary>
    public const string Info = "info";

    /// <summary>Something went well.</summary>
    public const string Success = "success";

    /// <summary>Something failed; stays until dismissed.</summary>
    public const string Error = "error";
}
