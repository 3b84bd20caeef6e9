namespace Extensible.Admin.Mail;

/// <summary>How the connection to the mail server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text, for a relay on the same machine or network only.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS before anything else is said (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte ("implicit TLS", usually port 465).</summary>
    Tls,
}
