"""A stand-in for GitHub's API on 127.0.0.1, for the workflow's own tools (tools/*.py).

It answers what those tools ask: the Pages address of the repository, the comments of a
pull request (list, add, change), and any other file set in `files` (such as a published
security.txt). It records every request, and refuses writes when `read_only` (the token a
pull request from a fork gets).
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

REPOSITORY = "provincie/koers"
PULL_REQUEST = 7


class FakeGitHub:
    def __init__(self):
        self.pages_url: str | None = None  # None: Pages is not switched on (404)
        self.comments: dict[int, str] = {}
        self.files: dict[str, str] = {}
        self.read_only = False
        self.requests: list[tuple[str, str]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self):
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        github = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status: int, body=None, text: str | None = None):
                data = text.encode("utf-8") if text is not None else json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _body(self) -> dict:
                return json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")

            def do_GET(self):
                github.requests.append(("GET", self.path))
                path = self.path.split("?")[0]
                if path == f"/repos/{REPOSITORY}/pages":
                    if github.pages_url is None:
                        return self._answer(404, {"message": "Not Found"})
                    return self._answer(200, {"html_url": github.pages_url})
                if path == f"/repos/{REPOSITORY}/issues/{PULL_REQUEST}/comments":
                    page = int(parse_qs(urlsplit(self.path).query).get("page", ["1"])[0])
                    items = [{"id": key, "body": body} for key, body in sorted(github.comments.items())]
                    return self._answer(200, items[(page - 1) * 100:page * 100])
                if path in github.files:
                    return self._answer(200, text=github.files[path])
                return self._answer(404, {"message": "Not Found"})

            def do_POST(self):
                github.requests.append(("POST", self.path))
                if github.read_only:
                    return self._answer(403, {"message": "Resource not accessible by integration"})
                if self.path == f"/repos/{REPOSITORY}/issues/{PULL_REQUEST}/comments":
                    key = max(github.comments, default=100) + 1
                    github.comments[key] = self._body()["body"]
                    return self._answer(201, {"id": key})
                return self._answer(404, {"message": "Not Found"})

            def do_PATCH(self):
                github.requests.append(("PATCH", self.path))
                if github.read_only:
                    return self._answer(403, {"message": "Resource not accessible by integration"})
                key = int(self.path.rsplit("/", 1)[-1])
                if self.path.startswith(f"/repos/{REPOSITORY}/issues/comments/") and key in github.comments:
                    github.comments[key] = self._body()["body"]
                    return self._answer(200, {"id": key})
                return self._answer(404, {"message": "Not Found"})

        return Handler


def event_file(directory, base_sha: str = "") -> str:
    """The event of a pull request as GitHub hands it to a job ($GITHUB_EVENT_PATH)."""
    path = directory / "event.json"
    path.write_text(json.dumps({"pull_request": {"number": PULL_REQUEST, "base": {"sha": base_sha}}}), encoding="utf-8")
    return str(path)
