using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Grpc.Dispatch.V1;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Grpc.Sla.V1;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Security.Tests;

/// <summary>
/// The read RPCs as HTTP/JSON (gRPC JSON transcoding) over real HTTP/1.1 to the host of every module: the same
/// answer as gRPC for a token that may read it, 401 without a token, 403 for another branch or a role that may not
/// read, and an OpenAPI document and reference page that list the routes.
/// </summary>
[Collection(HotlineFlowCollection.Name)]
public sealed class HttpJsonApiTests(HotlineFlow flow)
{
    private const string Wuhan = "WH";

    /// <summary>The services whose read side call centres integrate with.</summary>
    private static readonly ServiceDescriptor[] ReadServices =
    [
        IntakeService.Descriptor, RosterService.Descriptor, DispatchService.Descriptor,
        ComplaintDesk.Descriptor, Notifications.Descriptor, SlaTimer.Descriptor,
    ];

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    [Fact]
    public void Every_read_rpc_of_intake_dispatch_complaints_and_sla_has_a_get_route_and_no_write_has_one()
    {
        foreach (var method in ReadServices.SelectMany(s => s.Methods))
        {
            var route = RouteOf(method);
            var isRead = !method.IsClientStreaming && !method.IsServerStreaming
                && (method.Name.StartsWith("Get", StringComparison.Ordinal) || method.Name.StartsWith("List", StringComparison.Ordinal)
                    || method.Name.StartsWith("Lookup", StringComparison.Ordinal));
            if (isRead)
                Assert.True(route is { Get.Length: > 0 }, $"{method.FullName} is a read and has no GET route");
            else
                Assert.True(route is null, $"{method.FullName} is not a read and must stay gRPC only");
        }
    }

    [Fact]
    public async Task A_get_with_a_token_returns_the_same_order_as_grpc()
    {
        var token = TestTokens.For(HotlineRoles.Dispatcher, flow.Branch);
        using var response = await GetAsync($"/v1/intake/orders/{flow.Repair.OrderNumber}", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(flow.Repair.OrderNumber, JsonDocument.Parse(body).RootElement.GetProperty("orderNumber").GetString());
        var overGrpc = await flow.Intake(HotlineRoles.Dispatcher, flow.Branch)
            .GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = flow.Repair.OrderNumber });
        Assert.Equal(overGrpc, Parser.Parse<ServiceOrder>(body));
    }

    [Fact]
    public async Task Every_service_answers_its_reads_as_json()
    {
        var dispatcher = TestTokens.For(HotlineRoles.Dispatcher, flow.Branch);
        using (var dispatch = await GetAsync($"/v1/dispatch/orders/{flow.Repair.OrderId}", dispatcher))
            Assert.Equal(flow.Repair.OrderId, Parser.Parse<OrderDispatch>(await Ok(dispatch)).OrderId);
        using (var board = await GetAsync($"/v1/dispatch/boards/{flow.Branch}", dispatcher))
            Assert.Contains(Parser.Parse<Board>(await Ok(board)).Entries, e => e.OrderId == flow.Repair.OrderId);

        // Query parameters carry the request's other fields.
        using (var orders = await GetAsync($"/v1/intake/orders?branchCode={flow.Branch}&pageSize=50", dispatcher))
            Assert.Contains(Parser.Parse<ListServiceOrdersReply>(await Ok(orders)).Orders, o => o.OrderId == flow.Repair.OrderId);

        using (var atRisk = await GetAsync("/v1/sla/at-risk", dispatcher))
            Assert.NotNull(Parser.Parse<ListAtRiskResponse>(await Ok(atRisk)));

        var handler = TestTokens.For(HotlineRoles.ComplaintHandler, flow.Branch);
        using (var complaint = await GetAsync($"/v1/complaints/{flow.ComplaintId}", handler))
            Assert.Equal(flow.ComplaintId, Parser.Parse<Complaint>(await Ok(complaint)).ComplaintId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Without_a_valid_token_every_route_is_401(string? token)
    {
        var administrator = TestTokens.For(HotlineRoles.Administrator);
        foreach (var path in SamplePaths())
        {
            using var response = await GetAsync(path, token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"GET {path} without a valid token: {(int)response.StatusCode}");

            // The route exists (any path is 401 without a token): with one, the service answers in JSON, even NotFound.
            using var signedIn = await GetAsync(path, administrator);
            Assert.True(signedIn.StatusCode == HttpStatusCode.Forbidden || signedIn.Content.Headers.ContentType?.MediaType == "application/json",
                $"GET {path} as administrator: {(int)signedIn.StatusCode} {signedIn.Content.Headers.ContentType}");
        }
    }

    [Fact]
    public async Task Another_branch_is_refused_as_over_grpc_and_shown_nothing()
    {
        var dispatcher = TestTokens.For(HotlineRoles.Dispatcher, Wuhan);
        var handler = TestTokens.For(HotlineRoles.ComplaintHandler, Wuhan);
        (string Path, string Token)[] refused =
        [
            ($"/v1/intake/orders/{flow.Repair.OrderNumber}", dispatcher),
            ($"/v1/intake/orders?branchCode={flow.Branch}", dispatcher),
            ($"/v1/dispatch/orders/{flow.Repair.OrderId}", dispatcher),
            ($"/v1/dispatch/boards/{flow.Branch}", dispatcher),
            ($"/v1/sla/at-risk?branchCode={flow.Branch}", dispatcher),
            ($"/v1/complaints/{flow.ComplaintId}", handler),
        ];
        foreach (var (path, token) in refused)
        {
            using var response = await GetAsync(path, token);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {path} from Wuhan: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(flow.Repair.OrderNumber, body);
            Assert.DoesNotContain(HotlineFlow.FirstName, body);
        }

        // Their own list leaves the Changsha order out, as over gRPC.
        using var own = await GetAsync("/v1/intake/orders", dispatcher);
        Assert.DoesNotContain(Parser.Parse<ListServiceOrdersReply>(await Ok(own)).Orders, o => o.OrderId == flow.Repair.OrderId);
    }

    [Fact]
    public async Task A_role_the_rpc_does_not_allow_is_refused()
    {
        // The board is for dispatchers, directors and administrators, not for engineers or the telephony connector.
        using var response = await GetAsync($"/v1/dispatch/boards/{flow.Branch}", TestTokens.For(HotlineRoles.TelephonyConnector, flow.Branch));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_route_and_the_reference_page_serves_it()
    {
        using var response = await flow.Host.Http.GetAsync(HttpJsonApi.DocumentPath);
        var document = JsonDocument.Parse(await Ok(response)).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);

        var routes = Routes();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            Assert.True(paths.TryGetValue(route, out var item), $"{route} is missing from the OpenAPI document");
            Assert.True(item.TryGetProperty("get", out _), $"{route} has no GET in the OpenAPI document");
        }

        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
        // The proto's comment on LookupCaller is the operation's description.
        Assert.Contains("Screen pop by caller number", paths["/v1/intake/callers/{callerNumber}"].GetProperty("get").ToString());
        var order = paths["/v1/intake/orders/{orderNumber}"].GetProperty("get");
        Assert.Contains(order.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "orderNumber");

        using var page = await flow.Host.Http.GetAsync(HttpJsonApi.ReferencePath);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await Ok(page));
    }

    [Fact]
    public async Task The_reference_page_in_chromium_lists_the_routes_and_calls_one_with_the_token()
    {
        await using var browser = await Browser.OpenAsync($"{flow.Host.Http.BaseAddress}api");
        var routes = Routes();
        await Eventually.Until(() => browser.EvaluateAsync("document.querySelectorAll('section.op').length"),
            count => count == routes.Count.ToString(), TimeSpan.FromSeconds(20), $"the page to list the {routes.Count} routes");
        var listed = await browser.EvaluateAsync("[...document.querySelectorAll('code.path')].map(c => c.textContent).join(' ')");
        Assert.Contains("/v1/intake/orders/{orderNumber}", listed);
        Assert.Contains("/v1/sla/deadlines/{owner}/{subjectId}/{kind}", listed);

        await browser.Page.TypeAsync("#token", TestTokens.For(HotlineRoles.Dispatcher, flow.Branch));
        var section = "[...document.querySelectorAll('section.op')].find(s => s.querySelector('code.path').textContent === '/v1/intake/orders/{orderNumber}')";
        await browser.EvaluateAsync($"(() => {{ const s = {section}; s.querySelector('input[name=orderNumber]').value = '{flow.Repair.OrderNumber}'; s.querySelector('button').click(); }})()");
        var shown = await Eventually.Until(() => browser.EvaluateAsync($"{section}.querySelector('pre').textContent"),
            text => text.Length > 0, TimeSpan.FromSeconds(10), "the page to show the answer");
        Assert.StartsWith("200", shown);
        Assert.Contains(flow.Repair.OrderNumber, shown);
    }

    [Fact]
    public async Task In_production_the_description_follows_the_reflection_rule()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        var settings = new KeyValuePair<string, string?>[] { new("Security:Jwt:SigningKey", key) };
        var administrator = DevelopmentTokens.Mint(key, "ops", [HotlineRoles.Administrator], HotlineClaims.AllBranches);

        await using (var hidden = await TestHost.StartAsync([new Sla.SlaModule()], settings, environment: "Production"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Get(hidden, HttpJsonApi.DocumentPath, administrator)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Get(hidden, HttpJsonApi.ReferencePath, administrator)).StatusCode);
            // The JSON routes themselves stay, behind the token.
            Assert.Equal(HttpStatusCode.Unauthorized, (await Get(hidden, "/v1/sla/at-risk", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Get(hidden, "/v1/sla/at-risk", administrator)).StatusCode);
        }

        await using var enabled = await TestHost.StartAsync([new Sla.SlaModule()], [.. settings, new("Grpc:EnableReflection", "true")], environment: "Production");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(enabled, HttpJsonApi.DocumentPath, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(enabled, HttpJsonApi.ReferencePath, null)).StatusCode);
        var document = await Get(enabled, HttpJsonApi.DocumentPath, administrator);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("/v1/sla/at-risk", await document.Content.ReadAsStringAsync());
    }

    private IEnumerable<string> SamplePaths() =>
    [
        $"/v1/intake/orders/{flow.Repair.OrderNumber}", "/v1/intake/orders", "/v1/intake/callers/13912345678",
        "/v1/intake/invoice-verifications", "/v1/dispatch/network", "/v1/dispatch/engineers",
        $"/v1/dispatch/orders/{flow.Repair.OrderId}", $"/v1/dispatch/boards/{flow.Branch}", $"/v1/complaints/{flow.ComplaintId}",
        "/v1/complaints", "/v1/complaints/engineers/E1/record", "/v1/notifications", "/v1/sla/at-risk", "/v1/sla/deadlines/dispatch/x/on-site",
    ];

    /// <summary>The GET routes as the OpenAPI document writes them: path variables by their JSON names ({order_number} is {orderNumber}).</summary>
    private static List<string> Routes() =>
        [.. ReadServices.SelectMany(s => s.Methods).Select(RouteOf).OfType<HttpRule>()
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r.Get, "_([a-z])", m => m.Groups[1].Value.ToUpperInvariant()))];

    private static HttpRule? RouteOf(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);

    private Task<HttpResponseMessage> GetAsync(string path, string? token) => Get(flow.Host, path, token);

    private static Task<HttpResponseMessage> Get(TestHost host, string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return host.Http.SendAsync(request);
    }

    private static async Task<string> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body;
    }
}
