"""A small, real OpenID Connect provider for the tests, on a live loopback port.

It serves discovery, JWKS, authorize (code flow with PKCE S256), token and userinfo, and signs
ID tokens RS256 with an RSA key made at start. "Logging in" at the provider is choosing, before
the test's browser arrives, whose claims it will vouch for (`provider.person = {...}`).
It checks what a real provider checks: the client's id, secret and redirect URI, the code's
single use and its PKCE verifier, and the bearer token at userinfo.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _uint(number: int) -> str:
    return _b64(number.to_bytes((number.bit_length() + 7) // 8, "big"))


class Provider:
    def __init__(self, *, client_id: str, client_secret: str):
        self.client_id, self.client_secret = client_id, client_secret
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_hex(4)
        self.person: dict = {}
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        self.requests: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> Provider:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    # --- what the endpoints answer ---------------------------------------------------------

    def discovery(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
        }

    def jwks(self) -> dict:
        numbers = self.key.public_key().public_numbers()
        return {
            "keys": [
                {
                    "kty": "RSA",
                    "use": "sig",
                    "alg": "RS256",
                    "kid": self.kid,
                    "n": _uint(numbers.n),
                    "e": _uint(numbers.e),
                }
            ]
        }

    def sign(self, claims: dict) -> str:
        header = {"alg": "RS256", "typ": "JWT", "kid": self.kid}
        signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}"
        signature = self.key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
        return f"{signing_input}.{_b64(signature)}"

    def authorize(self, query: dict) -> tuple[int, dict]:
        if query.get("client_id") != self.client_id or query.get("response_type") != "code":
            return 400, {"error": "invalid_request"}
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return 400, {"error": "invalid_request", "error_description": "PKCE required"}
        code = secrets.token_urlsafe(16)
        self.codes[code] = {**query, "person": dict(self.person)}
        location = f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
        return 302, {"Location": location}

    def token(self, form: dict) -> tuple[int, dict]:
        grant = self.codes.pop(form.get("code", ""), None)  # a code works once
        if grant is None:
            return 400, {"error": "invalid_grant"}
        client_ok = (form.get("client_id"), form.get("client_secret")) == (
            self.client_id,
            self.client_secret,
        )
        verifier = form.get("code_verifier", "")
        challenge = _b64(hashlib.sha256(verifier.encode()).digest())
        if not client_ok:
            return 401, {"error": "invalid_client"}
        if (
            form.get("redirect_uri") != grant["redirect_uri"]
            or challenge != grant["code_challenge"]
        ):
            return 400, {"error": "invalid_grant"}
        person, now = grant["person"], int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "sub": person["sub"],
            "iat": now,
            "exp": now + 300,
            "nonce": grant.get("nonce"),
        }
        access_token = secrets.token_urlsafe(24)
        self.tokens[access_token] = person
        return 200, {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": self.sign(claims),
        }

    def userinfo(self, authorization: str) -> tuple[int, dict]:
        person = self.tokens.get(authorization.removeprefix("Bearer ").strip())
        if person is None:
            return 401, {"error": "invalid_token"}
        return 200, person

    # --- HTTP -----------------------------------------------------------------------------

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _send(self, status: int, body: dict) -> None:
                if status == 302:
                    self.send_response(302)
                    self.send_header("Location", body["Location"])
                    self.end_headers()
                    return
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urlsplit(self.path)
                provider.requests.append(url.path)
                query = {key: values[0] for key, values in parse_qs(url.query).items()}
                routes = {
                    "/.well-known/openid-configuration": lambda: (200, provider.discovery()),
                    "/jwks": lambda: (200, provider.jwks()),
                    "/authorize": lambda: provider.authorize(query),
                    "/userinfo": lambda: provider.userinfo(self.headers.get("Authorization", "")),
                }
                self._send(*routes.get(url.path, lambda: (404, {"error": "not_found"}))())

            def do_POST(self):
                url = urlsplit(self.path)
                provider.requests.append(url.path)
                length = int(self.headers.get("Content-Length", "0"))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if url.path == "/token":
                    self._send(*provider.token(form))
                else:
                    self._send(404, {"error": "not_found"})

        return Handler
