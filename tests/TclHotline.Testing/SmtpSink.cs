using System.Diagnostics;
using System.Net.Sockets;

namespace TclHotline.Testing;

/// <summary>
/// A real SMTP server on loopback: aiosmtpd (the OS package python3-aiosmtpd) writing every message it accepts
/// into a Maildir. <see cref="StopAsync"/> and <see cref="StartAsync"/> can be repeated on the same port and
/// folder to simulate a mail server outage.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly string[] Pythons = ["/usr/bin/python3", "python3"];
    private Process? _server;

    public SmtpSink()
    {
        Port = FreePort.Next();
        MailDirectory = Path.Combine(Path.GetTempPath(), "tclhotline-smtp-" + Guid.NewGuid().ToString("N"));
    }

    public int Port { get; }
    public string MailDirectory { get; }

    /// <summary>Configuration that points the notification e-mail channel at this server.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Configuration =>
    [
        new("Notifications:Smtp:Host", "127.0.0.1"),
        new("Notifications:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Notifications:Smtp:Security", "None"),
    ];

    public async Task StartAsync()
    {
        var python = Pythons.FirstOrDefault(HasAiosmtpd)
            ?? throw new InvalidOperationException("No python3 with aiosmtpd: install the python3-aiosmtpd package (the test command does).");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-u", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MailDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"aiosmtpd did not start on port {Port} (exited: {_server.HasExited}).", e);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
        }

        await _server.WaitForExitAsync();
        _server.Dispose();
        _server = null;
    }

    /// <summary>Every message received so far, as the raw text the server stored.</summary>
    public IReadOnlyList<string> Messages()
    {
        var folders = new[] { "new", "cur" }.Select(f => Path.Combine(MailDirectory, f)).Where(Directory.Exists);
        return [.. folders.SelectMany(Directory.GetFiles).Order(StringComparer.Ordinal).Select(File.ReadAllText)];
    }

    /// <summary>The messages carrying a header with this value (e.g. a notification id).</summary>
    public IReadOnlyList<string> MessagesWithHeader(string header, string value) =>
        [.. Messages().Where(m => HeaderValues(m, header).Contains(value, StringComparer.OrdinalIgnoreCase))];

    /// <summary>The values of a header in a raw message (folded lines joined).</summary>
    public static IReadOnlyList<string> HeaderValues(string message, string header)
    {
        var head = message.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", 2)[0].Replace("\n ", " ", StringComparison.Ordinal).Replace("\n\t", " ", StringComparison.Ordinal);
        return [.. head.Split('\n')
            .Where(l => l.StartsWith(header + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(header.Length + 1)..].Trim())];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(MailDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static bool HasAiosmtpd(string python)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(python, "-c \"import aiosmtpd\"")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            p.WaitForExit(20_000);
            return p.HasExited && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
