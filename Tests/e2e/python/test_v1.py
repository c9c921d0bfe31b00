"""SES API v1 (Query protocol, XML) through boto3's `ses` client and the AWS CLI, against `sesim serve`."""
import json
import os
import subprocess
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree

import boto3
import pytest
from botocore.exceptions import ClientError

from conftest import CREDENTIALS

NAMESPACE = "{http://ses.amazonaws.com/doc/2010-12-01/}"


@pytest.fixture
def ses(server):
    return server.client(service="ses")


def error_of(excinfo):
    error = excinfo.value.response
    return error["Error"]["Code"], error["Error"]["Message"], error["ResponseMetadata"]["HTTPStatusCode"]


def simple(to, subject="Hello", text="Hi", **extra):
    return dict(Source="app@example.com", Destination={"ToAddresses": to},
                Message={"Subject": {"Data": subject}, "Body": {"Text": {"Data": text}}}, **extra)


def test_send_email_then_read_the_delivered_message(server, ses):
    response = ses.send_email(**simple(["ann@example.net"], Tags=[{"Name": "campaign", "Value": "v1"}],
                                       ReplyToAddresses=["reply@example.com"]))
    message_id = response["MessageId"]
    assert message_id.endswith("-000000")
    assert response["ResponseMetadata"]["RequestId"] == response["ResponseMetadata"]["HTTPHeaders"]["x-amzn-requestid"]
    server.advance(30)
    message = server.admin("GET", f"messages/{message_id}")[1]
    assert (message["subject"], message["textPart"], message["tags"]) == ("Hello", "Hi", [{"name": "campaign", "value": "v1"}])
    assert message["recipients"][0]["status"] == "delivered"
    assert [e["mail"]["tags"]["ses:operation"] for e in server.events(messageId=message_id)] == [["SendEmail"]] * 2


def test_templates_test_render_and_templated_sends(server, ses):
    ses.create_template(Template={"TemplateName": "welcome", "SubjectPart": "Welcome, {{name}}",
                                  "TextPart": "Hello {{name}}", "HtmlPart": "<h1>Hello {{name}}</h1>"})
    assert ses.get_template(TemplateName="welcome")["Template"] == {
        "TemplateName": "welcome", "SubjectPart": "Welcome, {{name}}", "TextPart": "Hello {{name}}",
        "HtmlPart": "<h1>Hello {{name}}</h1>"}
    listed = ses.list_templates()["TemplatesMetadata"]
    assert [t["Name"] for t in listed] == ["welcome"] and listed[0]["CreatedTimestamp"].year == 2026
    rendered = ses.test_render_template(TemplateName="welcome", TemplateData='{"name":"Ann"}')["RenderedTemplate"]
    assert rendered.startswith("Subject: Welcome, Ann\r\n") and "<h1>Hello Ann</h1>" in rendered
    with pytest.raises(ses.exceptions.MissingRenderingAttributeException) as excinfo:
        ses.test_render_template(TemplateName="welcome", TemplateData="{}")
    assert error_of(excinfo) == ("MissingRenderingAttribute", "Attribute 'name' is not present in the rendering data.", 400)
    with pytest.raises(ses.exceptions.InvalidRenderingParameterException):
        ses.test_render_template(TemplateName="welcome", TemplateData="{nope")
    ses.update_template(Template={"TemplateName": "welcome", "SubjectPart": "Hi {{name}}", "TextPart": "Yo {{name}}"})
    message_id = ses.send_templated_email(Source="app@example.com", Destination={"ToAddresses": ["bo@example.net"]},
                                          Template="welcome", TemplateData=json.dumps({"name": "Bo"}))["MessageId"]
    server.advance(30)
    message = server.admin("GET", f"messages/{message_id}")[1]
    assert (message["subject"], message["textPart"], message["htmlPart"]) == ("Hi Bo", "Yo Bo", None)
    ses.delete_template(TemplateName="welcome")
    ses.delete_template(TemplateName="welcome")  # SES answers 200 for a template that is not there
    with pytest.raises(ses.exceptions.TemplateDoesNotExistException) as excinfo:
        ses.send_templated_email(Source="app@example.com", Destination={"ToAddresses": ["bo@example.net"]},
                                 Template="welcome", TemplateData="{}")
    assert error_of(excinfo) == ("TemplateDoesNotExist", "Template welcome does not exist.", 400)


def test_bulk(server, ses):
    ses.create_template(Template={"TemplateName": "news", "SubjectPart": "News for {{name}}", "TextPart": "{{name}}"})
    status = ses.send_bulk_templated_email(
        Source="news@example.com", Template="news", DefaultTemplateData='{"name":"friend"}',
        DefaultTags=[{"Name": "campaign", "Value": "spring"}],
        Destinations=[
            {"Destination": {"ToAddresses": ["a@example.net"]}, "ReplacementTemplateData": '{"name":"Ann"}'},
            {"Destination": {"ToAddresses": ["b@example.net"]}},
            {"Destination": {"ToAddresses": ["not an address"]}},
        ])["Status"]
    assert [s["Status"] for s in status] == ["Success", "Success", "InvalidParameterValue"]
    assert "MessageId" not in status[2] and status[2]["Error"]
    server.advance(30)
    subjects = [server.admin("GET", f"messages/{s['MessageId']}")[1]["subject"] for s in status[:2]]
    assert subjects == ["News for Ann", "News for friend"]


def test_configuration_sets_and_event_destinations(server, ses):
    ses.create_configuration_set(ConfigurationSet={"Name": "marketing"})
    with pytest.raises(ses.exceptions.ConfigurationSetAlreadyExistsException):
        ses.create_configuration_set(ConfigurationSet={"Name": "marketing"})
    ses.create_configuration_set_event_destination(ConfigurationSetName="marketing", EventDestination={
        "Name": "to-sns", "Enabled": True, "MatchingEventTypes": ["send", "delivery", "bounce"],
        "SNSDestination": {"TopicARN": "arn:aws:sns:us-east-1:123456789012:ses-events"}})
    described = ses.describe_configuration_set(
        ConfigurationSetName="marketing", ConfigurationSetAttributeNames=["eventDestinations", "reputationOptions"])
    assert described["ConfigurationSet"] == {"Name": "marketing"}
    assert described["EventDestinations"] == [{
        "Name": "to-sns", "Enabled": True, "MatchingEventTypes": ["send", "bounce", "delivery"],
        "SNSDestination": {"TopicARN": "arn:aws:sns:us-east-1:123456789012:ses-events"}}]
    assert described["ReputationOptions"] == {"SendingEnabled": True, "ReputationMetricsEnabled": False}
    assert [s["Name"] for s in ses.list_configuration_sets()["ConfigurationSets"]] == ["marketing"]
    message_id = ses.send_email(**simple(["success@simulator.amazonses.com"], ConfigurationSetName="marketing"))["MessageId"]
    server.advance(30)
    assert [e["eventType"] for e in server.events(messageId=message_id)] == ["Send", "Delivery"]
    ses.update_configuration_set_sending_enabled(ConfigurationSetName="marketing", Enabled=False)
    with pytest.raises(ses.exceptions.ConfigurationSetSendingPausedException) as excinfo:
        ses.send_email(**simple(["x@example.net"], ConfigurationSetName="marketing"))
    assert error_of(excinfo) == ("ConfigurationSetSendingPausedException",
                                 "Email sending is disabled for the configuration set <marketing>.", 400)
    ses.update_configuration_set_reputation_metrics_enabled(ConfigurationSetName="marketing", Enabled=True)
    ses.delete_configuration_set_event_destination(ConfigurationSetName="marketing", EventDestinationName="to-sns")
    ses.delete_configuration_set(ConfigurationSetName="marketing")
    with pytest.raises(ses.exceptions.ConfigurationSetDoesNotExistException):
        ses.describe_configuration_set(ConfigurationSetName="marketing")


def test_account_sending_switch(ses):
    assert ses.get_account_sending_enabled()["Enabled"] is True
    ses.update_account_sending_enabled(Enabled=False)
    assert ses.get_account_sending_enabled()["Enabled"] is False
    with pytest.raises(ses.exceptions.AccountSendingPausedException) as excinfo:
        ses.send_email(**simple(["x@example.net"]))
    assert error_of(excinfo) == ("AccountSendingPausedException",
                                 "Email sending is disabled for your entire Amazon SES account.", 400)
    ses.update_account_sending_enabled(Enabled=True)
    ses.send_email(**simple(["x@example.net"]))


def test_send_quota_and_statistics(start_server):
    server = start_server(scenario="""
name: statistics
start: 2026-01-01T00:00:00Z
account: { autoVerifySenders: true, controlPlaneRate: unlimited }
delivery: { recipients: { hardBounce: 1 } }
""")
    ses = server.client(service="ses")
    ses.send_email(**simple(["a@example.net", "b@example.net"]))
    ses.send_email(**simple(["success@simulator.amazonses.com"]))
    quota = ses.get_send_quota()
    # The mailbox simulator counts in no quota (facts §1.2).
    assert (quota["Max24HourSend"], quota["MaxSendRate"], quota["SentLast24Hours"]) == (50000.0, 14.0, 2.0)
    server.advance(600)
    points = ses.get_send_statistics()["SendDataPoints"]
    assert len(points) == 1
    point = points[0]
    # Every list recipient hard-bounces; the simulator's messages count as attempts only.
    assert (point["DeliveryAttempts"], point["Bounces"], point["Complaints"], point["Rejects"]) == (3, 2, 0, 0)
    assert point["Timestamp"].isoformat() == "2026-01-01T00:00:00+00:00"


def test_identities(ses):
    ses.verify_email_identity(EmailAddress="ann@example.com")
    ses.verify_email_identity(EmailAddress="ann@example.com")  # again: SES sends the mail again, no error
    ses.verify_email_address(EmailAddress="bo@example.com")
    token = ses.verify_domain_identity(Domain="example.org")["VerificationToken"]
    assert len(token) == 44
    assert ses.list_identities()["Identities"] == ["ann@example.com", "bo@example.com", "example.org"]
    assert ses.list_identities(IdentityType="Domain")["Identities"] == ["example.org"]
    page = ses.list_identities(IdentityType="EmailAddress", MaxItems=1)
    assert page["Identities"] == ["ann@example.com"]
    assert ses.list_identities(IdentityType="EmailAddress", NextToken=page["NextToken"])["Identities"] == ["bo@example.com"]
    assert ses.list_verified_email_addresses()["VerifiedEmailAddresses"] == ["ann@example.com", "bo@example.com"]
    attributes = ses.get_identity_verification_attributes(Identities=["example.org", "ann@example.com", "no.example"])
    assert attributes["VerificationAttributes"] == {
        "example.org": {"VerificationStatus": "Success", "VerificationToken": token},
        "ann@example.com": {"VerificationStatus": "Success"}}
    ses.delete_identity(Identity="example.org")
    ses.delete_identity(Identity="example.org")
    ses.delete_verified_email_address(EmailAddress="bo@example.com")
    assert ses.list_identities()["Identities"] == ["ann@example.com"]


def test_unverified_sender_is_message_rejected(start_server):
    server = start_server(scenario="""
name: strict
start: 2026-01-01T00:00:00Z
account: { identities: [example.com], controlPlaneRate: unlimited }
""")
    ses = server.client(service="ses")
    with pytest.raises(ses.exceptions.MessageRejected) as excinfo:
        ses.send_email(**dict(simple(["x@example.net"]), Source="shop@example.org"))
    assert error_of(excinfo) == ("MessageRejected", "Email address is not verified. The following identities failed "
                                 "the check in region US-EAST-1: shop@example.org", 400)
    ses.verify_email_identity(EmailAddress="shop@example.org")
    ses.send_email(**dict(simple(["x@example.net"]), Source="shop@example.org"))


def test_throttling_with_retries_off(ses):
    for index in range(14):
        ses.send_email(**simple([f"r{index}@example.net"]))
    with pytest.raises(ClientError) as excinfo:
        ses.send_email(**simple(["late@example.net"]))
    assert error_of(excinfo) == ("Throttling", "Maximum sending rate exceeded.", 400)
    assert excinfo.value.response["Error"]["Type"] == "Sender"
    assert excinfo.value.response["ResponseMetadata"]["RetryAttempts"] == 0


def test_the_daily_quota(start_server):
    server = start_server(scenario="""
name: quota
start: 2026-01-01T00:00:00Z
account: { autoVerifySenders: true, controlPlaneRate: unlimited, max24HourSend: 3 }
""")
    ses = server.client(service="ses")
    ses.send_email(**simple(["a@example.net", "b@example.net", "c@example.net"]))
    with pytest.raises(ClientError) as excinfo:
        ses.send_email(**simple(["d@example.net"]))
    assert error_of(excinfo) == ("Throttling", "Daily message quota exceeded.", 400)
    assert ses.get_send_quota()["SentLast24Hours"] == 3.0
    server.advance(24 * 3600)
    ses.send_email(**simple(["d@example.net"]))


def test_another_region_is_refused(server):
    with pytest.raises(ClientError) as excinfo:
        server.client(region="eu-west-1", service="ses").get_send_quota()
    assert error_of(excinfo) == ("SignatureDoesNotMatch",
                                 "Credential should be scoped to a valid region, not 'eu-west-1'.", 403)


def post(server, body, path="/", method="POST"):
    request = urllib.request.Request(server.url + path, data=body if method == "POST" else None, method=method,
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def error_fields(payload):
    root = ElementTree.fromstring(payload)
    assert root.tag == NAMESPACE + "ErrorResponse"
    error = root.find(NAMESPACE + "Error")
    return (error.find(NAMESPACE + "Type").text, error.find(NAMESPACE + "Code").text,
            error.find(NAMESPACE + "Message").text, root.find(NAMESPACE + "RequestId").text)


def test_unknown_missing_and_malformed_actions_over_raw_http(server):
    status, payload = post(server, b"Action=SendSmokeSignal&Version=2010-12-01")
    assert status == 400
    kind, code, message, request_id = error_fields(payload)
    assert (kind, code, message) == ("Sender", "InvalidAction", "Could not find operation SendSmokeSignal for version 2010-12-01")
    assert request_id
    status, payload = post(server, b"Version=2010-12-01")
    assert (status, error_fields(payload)[1]) == (400, "MissingAction")
    status, payload = post(server, b"Action=SendEmail&Source=%zz")
    assert (status, error_fields(payload)[1]) == (404, "MalformedQueryString")
    status, payload = post(server, b"Action=SendEmail&Version=2010-12-01&Source=a%40example.com")
    assert (status, error_fields(payload)[1]) == (400, "ValidationError")
    status, payload = post(server, b"", path="/?Action=GetSendQuota&Version=2010-12-01", method="GET")
    assert status == 200 and ElementTree.fromstring(payload).tag == NAMESPACE + "GetSendQuotaResponse"
    assert server.admin("GET", "health") == (200, {"status": "ok"})


def aws_cli():
    aws = os.path.join(os.path.dirname(os.path.realpath(os.sys.executable)), "aws")
    return [aws] if os.path.exists(aws) else ["aws"]


def test_the_aws_cli_and_the_endpoint_variable(server):
    environment = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDSESIMTEST", AWS_SECRET_ACCESS_KEY="secret",
                       AWS_DEFAULT_REGION="us-east-1")
    quota = subprocess.run(aws_cli() + ["ses", "get-send-quota", "--endpoint-url", server.url, "--output", "json"],
                           env=environment, capture_output=True, text=True, timeout=120)
    assert quota.returncode == 0, quota.stderr
    assert json.loads(quota.stdout) == {"Max24HourSend": 50000.0, "MaxSendRate": 14.0, "SentLast24Hours": 0.0}
    # AWS_ENDPOINT_URL_SES alone points the CLI and boto3's `ses` client at sesim.
    environment["AWS_ENDPOINT_URL_SES"] = server.url
    sent = subprocess.run(
        aws_cli() + ["ses", "send-email", "--from", "cli@example.com", "--to", "success@simulator.amazonses.com",
                     "--subject", "From the CLI", "--text", "hi", "--output", "json"],
        env=environment, capture_output=True, text=True, timeout=120)
    assert sent.returncode == 0, sent.stderr
    message_id = json.loads(sent.stdout)["MessageId"]
    assert server.admin("GET", f"messages/{message_id}")[1]["subject"] == "From the CLI"
    os.environ["AWS_ENDPOINT_URL_SES"] = server.url
    try:
        client = boto3.client("ses", region_name="us-east-1", **CREDENTIALS)
        assert client.get_send_quota()["MaxSendRate"] == 14.0
    finally:
        del os.environ["AWS_ENDPOINT_URL_SES"]


def raw_message(subject="Monthly report"):
    """A multipart message built by Python's `email` package, as applications build them."""
    from email.message import EmailMessage
    message = EmailMessage()
    message["From"] = "Reports <reports@example.com>"
    message["To"] = "ann@example.net, bo@example.net"
    message["Subject"] = subject
    message["X-SES-MESSAGE-TAGS"] = "campaign=monthly"
    message.set_content("The report is attached.")
    message.add_alternative("<p>The report is <b>attached</b>.</p>", subtype="html")
    message.add_attachment(b"month,total\njan,3\n", maintype="text", subtype="csv", filename="report.csv")
    return message.as_bytes()


def test_send_raw_email_built_by_the_email_package(server, ses):
    message_id = ses.send_raw_email(RawMessage={"Data": raw_message("Grüße from the report")})["MessageId"]
    server.advance(30)
    message = server.admin("GET", f"messages/{message_id}")[1]
    assert message["subject"] == "Grüße from the report"
    assert message["destination"]["toAddresses"] == ["ann@example.net", "bo@example.net"]
    assert message["tags"] == [{"name": "campaign", "value": "monthly"}]
    assert message["textPart"].startswith("The report is attached.")
    assert "<b>attached</b>" in message["htmlPart"]
    assert [r["status"] for r in message["recipients"]] == ["delivered", "delivered"]
    send = server.events(messageId=message_id, type="send")[0]
    assert send["mail"]["tags"]["ses:operation"] == ["SendRawEmail"]
    assert send["mail"]["commonHeaders"]["subject"] == "Grüße from the report"
    # Source and Destinations given: they are the envelope.
    other = ses.send_raw_email(Source="bounces@example.com", Destinations=["cy@example.net"],
                               RawMessage={"Data": raw_message()})["MessageId"]
    assert server.admin("GET", f"messages/{other}")[1]["destination"]["toAddresses"] == ["cy@example.net"]
    with pytest.raises(ClientError) as excinfo:
        ses.send_raw_email(RawMessage={"Data": b"Subject: no sender\r\n\r\nhi"})
    assert error_of(excinfo) == ("InvalidParameterValue", "Missing required header 'From'.", 400)
    too_long = b"From: a@example.com\r\nTo: b@example.net\r\n\r\n" + b"x" * (10 * 1024 * 1024)
    with pytest.raises(ClientError) as excinfo:
        ses.send_raw_email(RawMessage={"Data": too_long})
    assert error_of(excinfo) == ("InvalidParameterValue",
                                 f"Message length is more than 10485760 bytes long: '{len(too_long)}'.", 400)


def test_v2_content_raw(server):
    sesv2 = server.client()
    message_id = sesv2.send_email(Content={"Raw": {"Data": raw_message()}})["MessageId"]
    server.advance(30)
    assert server.admin("GET", f"messages/{message_id}")[1]["subject"] == "Monthly report"
    assert server.events(messageId=message_id, type="send")[0]["mail"]["tags"]["ses:operation"] == ["SendEmail"]
