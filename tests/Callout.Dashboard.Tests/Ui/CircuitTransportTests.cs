namespace Callout.Dashboard.Tests.Ui;

/// <summary>The circuits' WebSocket: no per-message deflate (its zlib state cost each circuit ~300 KB), same headers.</summary>
public sealed class CircuitTransportTests
{
    [Fact]
    public async Task CircuitWebSocket_BrowserOffersDeflate_ServerDeclinesIt()
    {
        await using var host = DashboardProcess.Start();
        using var client = new HttpClient { BaseAddress = host.Address };
        await host.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        using var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        negotiate.EnsureSuccessStatusCode();
        var token = (await negotiate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();

        using var socket = new ClientWebSocket();
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(new Uri($"ws://{host.Address.Authority}/_blazor?id={token}"), CancellationToken.None);

        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.False(socket.HttpResponseHeaders?.ContainsKey("Sec-WebSocket-Extensions") ?? false, "The server accepted permessage-deflate.");
    }

    [Fact]
    public async Task Page_Rendered_HasOnlyOurFramingPolicy()
    {
        await using var host = DashboardProcess.Start();
        using var client = new HttpClient { BaseAddress = host.Address };

        await host.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        using var response = await client.GetAsync("/");
        response.EnsureSuccessStatusCode();

        // One policy: a second one from the framework (frame-ancestors 'self') would overrule Security:FrameAncestors.
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy);
    }
}
