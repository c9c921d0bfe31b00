"""Fixtures for the end-to-end suite: `sesim serve` started on a free port
(SESIM_BIN names the binary), real clients (boto3, the AWS CLI) pointed at it.
Every server is stopped by its process id at the end, within a bounded time."""
import json
import os
import select
import signal
import subprocess
import tempfile
import time
import urllib.request

import boto3
import pytest
from botocore.config import Config

SESIM = os.environ.get("SESIM_BIN", os.path.join(os.path.dirname(__file__), "../../../.build/debug/sesim"))
CREDENTIALS = dict(aws_access_key_id="AKIDSESIMTEST", aws_secret_access_key="sesim-secret")


class Server:
    """One `sesim serve` process."""

    def __init__(self, *args, out=None):
        self.out = out or tempfile.mkdtemp(prefix="sesim-e2e-")
        self.process = subprocess.Popen(
            [SESIM, "serve", "--port", "0", "--quiet", "--out", self.out, *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ready, _, _ = select.select([self.process.stdout], [], [], 60)
        if not ready:
            self.process.kill()
            raise RuntimeError("sesim serve printed nothing within 60 s")
        self.first_line = self.process.stdout.readline().rstrip("\n")
        prefix = "sesim serve: listening on "
        if not self.first_line.startswith(prefix):
            self.process.kill()
            raise RuntimeError(f"unexpected first line: {self.first_line!r} {self.process.stderr.read()}")
        self.url = self.first_line[len(prefix):]

    def client(self, region="us-east-1", service="sesv2", **config):
        return boto3.client(
            service, endpoint_url=self.url, region_name=region,
            config=Config(retries={"total_max_attempts": 1}, **config), **CREDENTIALS)

    def admin(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + "/_sesim/" + path, data=data, method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def advance(self, seconds):
        status, body = self.admin("POST", "clock/advance", {"seconds": seconds})
        assert status == 200, body
        return body["now"]

    def events(self, **query):
        path = "events" + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
        return self.admin("GET", path)[1]["events"]

    def stop(self, sig=signal.SIGTERM, timeout=60):
        """Stops the server by its process id; returns (exit code, stdout after the first line)."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            stdout, _ = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            stdout, _ = self.process.communicate()
        return self.process.returncode, stdout


@pytest.fixture(scope="session")
def server():
    """The default account, shared; each test starts from a reset engine."""
    instance = Server()
    yield instance
    instance.stop()


@pytest.fixture(autouse=True)
def _fresh(request):
    if "server" in request.fixturenames:
        server = request.getfixturevalue("server")
        status, _ = server.admin("POST", "reset")
        assert status == 200
    yield


@pytest.fixture
def start_server():
    """Starts servers of their own for a test (a scenario file, another mode)."""
    started = []

    def start(*args, scenario=None):
        if scenario is not None:
            handle, path = tempfile.mkstemp(suffix=".yaml", prefix="sesim-e2e-")
            with os.fdopen(handle, "w") as file:
                file.write(scenario)
            args = (path, *args)
        instance = Server(*args)
        started.append(instance)
        return instance

    yield start
    for instance in started:
        instance.stop(timeout=30)


@pytest.fixture
def ses(server):
    return server.client()


def simple(to, subject="Hello", text="Hi", **extra):
    return dict(
        FromEmailAddress="app@example.com", Destination={"ToAddresses": to},
        Content={"Simple": {"Subject": {"Data": subject}, "Body": {"Text": {"Data": text}}}}, **extra)
