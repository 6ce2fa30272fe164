using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TclHotline.Testing;

/// <summary>
/// A real HTTP endpoint on loopback standing in for a WeCom / DingTalk group robot: it records every call and
/// answers as the robots do ({"errcode":0,"errmsg":"ok"}). Stop and start it again to simulate an outage.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<WebhookCall> _calls = new();
    private HttpListener? _listener;
    private Task? _loop;

    public WebhookReceiver()
    {
        Port = FreePort.Next();
    }

    public int Port { get; }

    /// <summary>A URL of this receiver; the path tells the robots apart.</summary>
    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    public IReadOnlyList<WebhookCall> Calls => [.. _calls];

    public Task StartAsync()
    {
        _listener = new HttpListener();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        var listener = _listener;
        _loop = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                    .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
                _calls.Enqueue(new WebhookCall(context.Request.Url?.AbsolutePath ?? "", headers, body));
                var answer = Encoding.UTF8.GetBytes("{\"errcode\":0,\"errmsg\":\"ok\"}");
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = answer.Length;
                await context.Response.OutputStream.WriteAsync(answer);
                context.Response.Close();
            }
        });
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_listener is null)
        {
            return;
        }

        _listener.Stop();
        _listener.Close();
        if (_loop is not null)
        {
            await _loop;
        }

        _listener = null;
        _loop = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <param name="Path">The URL path called.</param>
public sealed record WebhookCall(string Path, IReadOnlyDictionary<string, string> Headers, string Body);
