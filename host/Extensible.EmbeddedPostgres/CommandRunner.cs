using System.ComponentModel;
using System.Diagnostics;

namespace Extensible.EmbeddedPostgres;

/// <summary>The exit code and the combined output of a finished command.</summary>
internal sealed record CommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs a program to completion and captures what it printed.</summary>
internal static class CommandRunner
{
    public static async Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The postgres account may not be able to enter our current directory.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Untranslated messages, so that errors such as "Address already in use" can be recognized in the server log.
        startInfo.Environment["LC_ALL"] = "C";

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new EmbeddedPostgresException($"Could not run '{program}': {e.Message}. Check that it exists and is executable.", e);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = string.Join('\n', new[] { await output, await errors }.Where(s => s.Length > 0).Select(s => s.TrimEnd()));
        return new CommandResult(process.ExitCode, text);
    }
}
