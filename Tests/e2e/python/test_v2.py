"""SES API v2 through boto3 and the AWS CLI, against `sesim serve`."""
import json
import os
import socket
import subprocess
import threading
import urllib.error
import urllib.request

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from conftest import CREDENTIALS, SESIM, simple


def error_of(excinfo):
    error = excinfo.value.response
    return error["Error"]["Code"], error["Error"]["Message"], error["ResponseMetadata"]["HTTPStatusCode"]


def test_first_line_and_health(server):
    assert server.first_line.startswith("sesim serve: listening on http://127.0.0.1:")
    assert server.admin("GET", "health") == (200, {"status": "ok"})
    assert server.admin("GET", "clock") == (200, {"now": "2026-01-01T00:00:00.000Z", "mode": "manual"})


def test_send_simple_then_read_the_delivered_message(server, ses):
    message_id = ses.send_email(**simple(["ann@example.net"], EmailTags=[{"Name": "campaign", "Value": "e2e"}]))["MessageId"]
    assert message_id.endswith("-000000")
    server.advance(30)
    status, message = server.admin("GET", f"messages/{message_id}")
    assert status == 200
    assert message["subject"] == "Hello" and message["textPart"] == "Hi"
    assert message["destination"]["toAddresses"] == ["ann@example.net"]
    assert message["tags"] == [{"name": "campaign", "value": "e2e"}]
    assert message["recipients"] == [{"address": "ann@example.net", "status": "delivered", "events": ["Send", "Delivery"]}]
    # The sender was taken as verified, and is now listed.
    identities = ses.list_email_identities()["EmailIdentities"]
    assert {"IdentityType": "EMAIL_ADDRESS", "IdentityName": "app@example.com", "SendingEnabled": True,
            "VerificationStatus": "SUCCESS"} in identities


def test_templates_and_templated_sends(server, ses):
    ses.create_email_template(TemplateName="welcome", TemplateContent={
        "Subject": "Welcome, {{name}}", "Text": "Hello {{name}}", "Html": "<h1>Hello {{name}}</h1>"})
    assert ses.get_email_template(TemplateName="welcome")["TemplateContent"]["Subject"] == "Welcome, {{name}}"
    assert [t["TemplateName"] for t in ses.list_email_templates()["TemplatesMetadata"]] == ["welcome"]
    ses.update_email_template(TemplateName="welcome", TemplateContent={"Subject": "Hi {{name}}", "Text": "Yo {{name}}"})
    message_id = ses.send_email(FromEmailAddress="app@example.com", Destination={"ToAddresses": ["bo@example.net"]},
                                Content={"Template": {"TemplateName": "welcome", "TemplateData": json.dumps({"name": "Bo"})}})["MessageId"]
    server.advance(30)
    message = server.admin("GET", f"messages/{message_id}")[1]
    assert (message["subject"], message["textPart"], message["htmlPart"]) == ("Hi Bo", "Yo Bo", None)
    # A message whose data lacks a variable is accepted, then fails to render.
    failing = ses.send_email(FromEmailAddress="app@example.com", Destination={"ToAddresses": ["cy@example.net"]},
                             Content={"Template": {"TemplateName": "welcome", "TemplateData": "{}"}})["MessageId"]
    server.advance(30)
    assert [e["eventType"] for e in server.events(messageId=failing)] == ["Send", "Rendering Failure"]
    ses.delete_email_template(TemplateName="welcome")
    with pytest.raises(ClientError) as excinfo:
        ses.get_email_template(TemplateName="welcome")
    assert error_of(excinfo) == ("NotFoundException", "Template welcome does not exist.", 404)


def test_test_render(ses):
    ses.create_email_template(TemplateName="t", TemplateContent={"Subject": "Hi {{name}}", "Html": "<p>{{name}}</p>"})
    rendered = ses.test_render_email_template(TemplateName="t", TemplateData='{"name":"Ann"}')["RenderedTemplate"]
    assert rendered.startswith("Subject: Hi Ann\r\n") and "<p>Ann</p>" in rendered
    with pytest.raises(ses.exceptions.BadRequestException) as excinfo:
        ses.test_render_email_template(TemplateName="t", TemplateData="{}")
    assert error_of(excinfo) == ("BadRequestException", "Attribute 'name' is not present in the rendering data.", 400)


def test_bulk(server, ses):
    ses.create_email_template(TemplateName="news", TemplateContent={"Subject": "News for {{name}}", "Text": "{{name}}"})
    results = ses.send_bulk_email(
        FromEmailAddress="news@example.com",
        DefaultContent={"Template": {"TemplateName": "news", "TemplateData": '{"name":"friend"}'}},
        BulkEmailEntries=[
            {"Destination": {"ToAddresses": ["a@example.net"]},
             "ReplacementEmailContent": {"ReplacementTemplate": {"ReplacementTemplateData": '{"name":"A"}'}}},
            {"Destination": {"ToAddresses": ["b@example.net"]}},
            {"Destination": {"ToAddresses": ["not-an-address"]}},
        ])["BulkEmailEntryResults"]
    assert [r["Status"] for r in results] == ["SUCCESS", "SUCCESS", "INVALID_PARAMETER"]
    assert "MessageId" in results[0] and "MessageId" not in results[2] and results[2]["Error"]
    server.advance(30)
    subjects = [server.admin("GET", f"messages/{r['MessageId']}")[1]["subject"] for r in results[:2]]
    assert subjects == ["News for A", "News for friend"]


def test_configuration_sets_and_event_destinations(server, ses):
    ses.create_configuration_set(ConfigurationSetName="marketing", SendingOptions={"SendingEnabled": True})
    assert ses.list_configuration_sets()["ConfigurationSets"] == ["marketing"]
    assert ses.get_configuration_set(ConfigurationSetName="marketing")["SendingOptions"] == {"SendingEnabled": True}
    ses.create_configuration_set_event_destination(
        ConfigurationSetName="marketing", EventDestinationName="to-firehose",
        EventDestination={"Enabled": True, "MatchingEventTypes": ["SEND", "BOUNCE"],
                          "KinesisFirehoseDestination": {
                              "IamRoleArn": "arn:aws:iam::123456789012:role/firehose",
                              "DeliveryStreamArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/ses-events"}})
    destinations = ses.get_configuration_set_event_destinations(ConfigurationSetName="marketing")["EventDestinations"]
    assert [(d["Name"], d["Enabled"], d["MatchingEventTypes"]) for d in destinations] == [("to-firehose", True, ["SEND", "BOUNCE"])]
    ses.update_configuration_set_event_destination(
        ConfigurationSetName="marketing", EventDestinationName="to-firehose",
        EventDestination={"Enabled": False, "MatchingEventTypes": ["DELIVERY"],
                          "SnsDestination": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:ses"}})
    destinations = ses.get_configuration_set_event_destinations(ConfigurationSetName="marketing")["EventDestinations"]
    assert destinations[0]["SnsDestination"] == {"TopicArn": "arn:aws:sns:us-east-1:123456789012:ses"}
    ses.delete_configuration_set_event_destination(ConfigurationSetName="marketing", EventDestinationName="to-firehose")
    assert ses.get_configuration_set_event_destinations(ConfigurationSetName="marketing")["EventDestinations"] == []
    ses.send_email(**simple(["x@example.net"], ConfigurationSetName="marketing"))
    ses.put_configuration_set_sending_options(ConfigurationSetName="marketing", SendingEnabled=False)
    with pytest.raises(ses.exceptions.SendingPausedException) as excinfo:
        ses.send_email(**simple(["x@example.net"], ConfigurationSetName="marketing"))
    assert error_of(excinfo) == ("SendingPausedException", "Email sending is disabled for the configuration set <marketing>.", 400)
    ses.delete_configuration_set(ConfigurationSetName="marketing")
    with pytest.raises(ses.exceptions.NotFoundException):
        ses.send_email(**simple(["x@example.net"], ConfigurationSetName="marketing"))


def test_throttling_with_retries_off(ses):
    for index in range(14):
        ses.send_email(**simple([f"r{index}@example.net"]))
    with pytest.raises(ses.exceptions.TooManyRequestsException) as excinfo:
        ses.send_email(**simple(["late@example.net"]))
    assert error_of(excinfo) == ("TooManyRequestsException", "Maximum sending rate exceeded.", 429)
    assert excinfo.value.response["ResponseMetadata"]["RetryAttempts"] == 0


def test_the_daily_quota(start_server):
    server = start_server(scenario="""
name: quota
start: 2026-01-01T00:00:00Z
account: { autoVerifySenders: true, controlPlaneRate: unlimited, max24HourSend: 3 }
""")
    ses = server.client()
    ses.send_email(**simple(["a@example.net", "b@example.net", "c@example.net"]))
    with pytest.raises(ses.exceptions.LimitExceededException) as excinfo:
        ses.send_email(**simple(["d@example.net"]))
    assert error_of(excinfo) == ("LimitExceededException", "Daily message quota exceeded.", 400)
    assert ses.get_account()["SendQuota"] == {"Max24HourSend": 3.0, "MaxSendRate": 14.0, "SentLast24Hours": 3.0}
    server.advance(24 * 3600)
    ses.send_email(**simple(["d@example.net"]))


def test_suppression(server, ses):
    ses.put_suppressed_destination(EmailAddress="gone@example.net", Reason="BOUNCE")
    entry = ses.get_suppressed_destination(EmailAddress="gone@example.net")["SuppressedDestination"]
    assert (entry["EmailAddress"], entry["Reason"]) == ("gone@example.net", "BOUNCE")
    assert entry["LastUpdateTime"].isoformat().startswith("2026-01-01T00:00:00")
    ses.put_suppressed_destination(EmailAddress="angry@example.net", Reason="COMPLAINT")
    listed = ses.list_suppressed_destinations(Reasons=["COMPLAINT"])["SuppressedDestinationSummaries"]
    assert [e["EmailAddress"] for e in listed] == ["angry@example.net"]
    page = ses.list_suppressed_destinations(PageSize=1)
    assert len(page["SuppressedDestinationSummaries"]) == 1 and "NextToken" in page
    rest = ses.list_suppressed_destinations(PageSize=1, NextToken=page["NextToken"])
    assert [e["EmailAddress"] for e in rest["SuppressedDestinationSummaries"]] == ["gone@example.net"]
    message_id = ses.send_email(**simple(["gone@example.net"]))["MessageId"]
    server.advance(30)
    bounce = server.events(messageId=message_id, type="Bounce")[0]["bounce"]
    assert (bounce["bounceType"], bounce["bounceSubType"]) == ("Permanent", "OnAccountSuppressionList")
    ses.delete_suppressed_destination(EmailAddress="gone@example.net")
    with pytest.raises(ses.exceptions.NotFoundException):
        ses.get_suppressed_destination(EmailAddress="gone@example.net")


def test_mailbox_simulator_bounce_after_a_clock_advance(server, ses):
    message_id = ses.send_email(**simple(["bounce@simulator.amazonses.com"]))["MessageId"]
    assert server.events(type="Bounce") == []
    server.advance(60)
    bounces = server.events(type="Bounce")
    assert len(bounces) == 1
    record = bounces[0]
    assert record["eventType"] == "Bounce" and record["mail"]["messageId"] == message_id
    assert (record["bounce"]["bounceType"], record["bounce"]["bounceSubType"]) == ("Permanent", "General")
    assert record["bounce"]["bouncedRecipients"][0]["emailAddress"] == "bounce@simulator.amazonses.com"
    # The simulator's bounce adds nothing to the suppression list.
    assert ses.list_suppressed_destinations()["SuppressedDestinationSummaries"] == []


def test_account_and_dedicated_ips(ses):
    account = ses.get_account()
    assert account["ProductionAccessEnabled"] is True and account["EnforcementStatus"] == "HEALTHY"
    assert account["SendQuota"]["MaxSendRate"] == 14.0
    ses.put_account_sending_attributes(SendingEnabled=False)
    with pytest.raises(ses.exceptions.SendingPausedException):
        ses.send_email(**simple(["x@example.net"]))
    ses.put_account_sending_attributes(SendingEnabled=True)
    assert ses.get_dedicated_ips()["DedicatedIps"] == []
    assert ses.list_dedicated_ip_pools()["DedicatedIpPools"] == []
    with pytest.raises(ses.exceptions.NotFoundException):
        ses.get_dedicated_ip_pool(PoolName="nope")


def test_identities(ses):
    assert ses.create_email_identity(EmailIdentity="example.org")["IdentityType"] == "DOMAIN"
    assert ses.get_email_identity(EmailIdentity="example.org")["VerificationStatus"] == "SUCCESS"
    with pytest.raises(ses.exceptions.AlreadyExistsException):
        ses.create_email_identity(EmailIdentity="example.org")
    ses.delete_email_identity(EmailIdentity="example.org")
    with pytest.raises(ses.exceptions.NotFoundException):
        ses.get_email_identity(EmailIdentity="example.org")


def test_another_region_is_refused(server):
    with pytest.raises(ClientError) as excinfo:
        server.client(region="eu-west-1").get_account()
    assert error_of(excinfo) == ("InvalidSignatureException",
                                 "Credential should be scoped to a valid region, not 'eu-west-1'.", 403)


def test_the_aws_cli_and_the_endpoint_variable(server):
    environment = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDSESIMTEST", AWS_SECRET_ACCESS_KEY="secret",
                       AWS_DEFAULT_REGION="us-east-1")
    aws = [os.path.join(os.path.dirname(os.path.realpath(os.sys.executable)), "aws")]
    if not os.path.exists(aws[0]):
        aws = ["aws"]
    account = subprocess.run(aws + ["sesv2", "get-account", "--endpoint-url", server.url, "--output", "json"],
                             env=environment, capture_output=True, text=True, timeout=120)
    assert account.returncode == 0, account.stderr
    assert json.loads(account.stdout)["SendQuota"]["Max24HourSend"] == 50000.0
    # AWS_ENDPOINT_URL_SESV2 alone points the CLI and boto3 at sesim.
    environment["AWS_ENDPOINT_URL_SESV2"] = server.url
    sent = subprocess.run(
        aws + ["sesv2", "send-email", "--from-email-address", "cli@example.com",
               "--destination", "ToAddresses=success@simulator.amazonses.com",
               "--content", "Simple={Subject={Data=From the CLI},Body={Text={Data=hi}}}", "--output", "json"],
        env=environment, capture_output=True, text=True, timeout=120)
    assert sent.returncode == 0, sent.stderr
    message_id = json.loads(sent.stdout)["MessageId"]
    assert server.admin("GET", f"messages/{message_id}")[1]["subject"] == "From the CLI"
    os.environ["AWS_ENDPOINT_URL_SESV2"] = server.url
    try:
        client = boto3.client("sesv2", region_name="us-east-1", **CREDENTIALS)
        assert client.get_account()["SendQuota"]["MaxSendRate"] == 14.0
    finally:
        del os.environ["AWS_ENDPOINT_URL_SESV2"]


def raw_request(server, method, path, body=b"", headers=None):
    request = urllib.request.Request(server.url + path, data=body if method != "GET" else None, method=method,
                                     headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_bad_input_gets_ses_shaped_errors(server):
    for body in [b"{", b"[]", b'{"Content": "x"}', b"\xff\xfe"]:
        status, headers, payload = raw_request(server, "POST", "/v2/email/outbound-emails", body)
        assert status == 400 and headers["x-amzn-ErrorType"] == "BadRequestException", payload
        assert json.loads(payload)["message"]
    status, headers, payload = raw_request(server, "GET", "/v2/email/no-such-thing")
    assert (status, headers["x-amzn-ErrorType"]) == (404, "UnknownOperationException")
    status, headers, payload = raw_request(server, "POST", "/v2/email/outbound-emails", b"x" * (43 * 1024 * 1024))
    assert status == 400 and headers["x-amzn-ErrorType"] == "BadRequestException"
    assert server.admin("GET", "health") == (200, {"status": "ok"})


def test_two_hundred_concurrent_connections(server):
    results = []
    lock = threading.Lock()

    def worker():
        status, _, payload = raw_request(server, "GET", "/v2/email/account")
        with lock:
            results.append((status, json.loads(payload)["SendQuota"]["MaxSendRate"]))

    threads = [threading.Thread(target=worker) for _ in range(200)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == [(200, 14.0)] * 200


def test_a_client_that_disconnects_mid_request(server):
    host, port = server.url.removeprefix("http://").split(":")
    for _ in range(5):
        connection = socket.create_connection((host, int(port)), timeout=10)
        connection.sendall(b"POST /v2/email/outbound-emails HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           b"Content-Length: 1000\r\n\r\n{\"FromEmailAddress\": \"a@exa")
        connection.close()
    connection = socket.create_connection((host, int(port)), timeout=10)
    connection.sendall(b"GET /v2/email/acc")
    connection.close()
    assert server.admin("GET", "health") == (200, {"status": "ok"})
    assert server.client().get_account()["SendingEnabled"] is True
    assert server.admin("GET", "messages")[1]["messages"] == []


def script(server):
    ses = server.client()
    ses.create_email_template(TemplateName="t", TemplateContent={"Subject": "Hi {{n}}", "Text": "{{n}}"})
    ses.send_email(**simple(["bounce@simulator.amazonses.com", "a@example.net"]))
    ses.send_email(FromEmailAddress="app@example.com", Destination={"ToAddresses": ["complaint@simulator.amazonses.com"]},
                   Content={"Template": {"TemplateName": "t", "TemplateData": '{"n": 2}'}})
    server.advance(5)
    ses.send_email(**simple(["ooto@simulator.amazonses.com"]))
    server.advance(3600)
    return server.admin("GET", "summary")[1]["eventDigest"]


def test_the_same_calls_and_clock_moves_give_the_same_digest(start_server):
    first = script(start_server())
    second = script(start_server())
    assert first == second and len(first) == 64


def test_shutdown_writes_the_outputs_and_exits_by_the_expectations(start_server):
    passing = start_server(scenario="""
name: passing
start: 2026-01-01T00:00:00Z
account: { autoVerifySenders: true }
expect:
  - { metric: events.send, equals: 1 }
""")
    passing.client().send_email(**simple(["success@simulator.amazonses.com"]))
    passing.advance(60)
    code, stdout = passing.stop()
    assert code == 0, stdout
    assert "PASS" in stdout or "pass" in stdout
    summary = json.load(open(os.path.join(passing.out, "summary.json")))
    assert summary["passed"] is True and summary["end"] == "2026-01-01T00:01:00.000Z"
    assert sorted(os.listdir(passing.out)) == ["metrics.jsonl", "report.html", "summary.json", "timeline.csv"]
    failing = start_server(scenario="""
name: failing
start: 2026-01-01T00:00:00Z
account: { autoVerifySenders: true }
expect:
  - { metric: events.send, equals: 2 }
""")
    failing.client().send_email(**simple(["success@simulator.amazonses.com"]))
    code, _ = failing.stop(sig=__import__("signal").SIGINT)
    assert code == 1


def test_the_default_account_prints_as_a_valid_scenario(tmp_path):
    printed = subprocess.run([SESIM, "serve", "--print-default"], capture_output=True, text=True, timeout=60)
    assert printed.returncode == 0
    path = tmp_path / "default.yaml"
    path.write_text(printed.stdout)
    validated = subprocess.run([SESIM, "validate", str(path)], capture_output=True, text=True, timeout=60)
    assert validated.returncode == 0, validated.stderr


def test_the_readmes_bounce_handler(server):
    """The README's bounce-handler test, with a handler that suppresses hard bounces."""
    suppressed = set()

    def handle_ses_event(record):
        if record["eventType"] == "Bounce" and record["bounce"]["bounceType"] == "Permanent":
            suppressed.update(r["emailAddress"] for r in record["bounce"]["bouncedRecipients"])

    ses = server.client()

    def admin(path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{server.url}/_sesim/{path}", data=data,
                                         method="GET" if data is None else "POST")
        return json.load(urllib.request.urlopen(request))

    admin("reset", {})
    ses.send_email(FromEmailAddress="app@example.com",
                   Destination={"ToAddresses": ["bounce@simulator.amazonses.com"]},
                   Content={"Simple": {"Subject": {"Data": "Hi"}, "Body": {"Text": {"Data": "x"}}}})
    admin("clock/advance", {"seconds": 60})
    for record in admin("events?type=Bounce")["events"]:
        handle_ses_event(record)
    assert "bounce@simulator.amazonses.com" in suppressed


def test_the_date_header_stays_on_wall_time(server):
    import email.utils
    import time
    server.advance(30 * 24 * 3600)
    status, headers, _ = raw_request(server, "GET", "/v2/email/account")
    assert status == 200
    sent = email.utils.parsedate_to_datetime(headers["Date"]).timestamp()
    assert abs(sent - time.time()) < 300
    assert server.admin("GET", "clock")[1]["now"] == "2026-01-31T00:00:00.000Z"
