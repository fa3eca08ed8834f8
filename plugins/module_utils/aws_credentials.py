# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The credential options -> a botocore session: profile, access keys, or STS AssumeRole.

botocore's own credential chain resolves them; AssumeRole credentials are put first in that chain
and refreshed by botocore. A profile, a config file or a credential_process that cannot be read
is an OptionError that names it. connection.py builds the clients from this session.
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.answers import AnswerError, check_answer
from ansible_collections.sesmon.ses.plugins.module_utils.aws_error_translation import MAX_DETAIL
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError, SesmonError
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import as_utc, iso_timestamp, utc_now
from ansible_collections.sesmon.ses.plugins.module_utils.values import foreign_text

try:
    import botocore.session
    from botocore import exceptions as botocore_errors
    from botocore.credentials import (
        AssumeRoleCredentialFetcher,
        CredentialProvider,
        DeferredRefreshableCredentials,
    )
except ImportError:  # connection.py reports the missing library
    botocore_errors = None

__all__ = ["REFRESH_MARGINS", "Credentials"]

# botocore refreshes refreshable credentials 15 minutes (advisory) / 10 minutes (mandatory) before
# they expire: 900-second AssumeRole credentials would look expiring at once and be fetched again
# on every request. A task is bounded by total_timeout, so a small margin is enough.
REFRESH_MARGINS = (120, 60)


class _AssumedRoleProvider(CredentialProvider if botocore_errors else object):
    """Puts STS AssumeRole credentials first in botocore's chain; botocore refreshes them."""

    METHOD = "sesmon-assume-role"
    CANONICAL_NAME = "sesmon-assume-role"

    def __init__(self, fetch):
        super().__init__()
        self._fetch = fetch

    def load(self):
        return _TaskCredentials(refresh_using=self._fetch, method=self.METHOD)


class _TaskCredentials(DeferredRefreshableCredentials if botocore_errors else object):
    """AssumeRole credentials refreshed only in their last REFRESH_MARGINS seconds: one STS call a task."""

    _advisory_refresh_timeout, _mandatory_refresh_timeout = REFRESH_MARGINS


def check_assume_role(parsed, http_response=None, **kwargs):  # pylint: disable=unused-argument
    """STS's answer checked like every other (answers.py) before botocore's fetcher reads it."""
    if getattr(http_response, "status_code", 200) < 300:
        check_answer("AssumeRole", parsed)


class Credentials:
    """The botocore sessions of one module run's credential options; errors through ``errors`` (an ErrorTranslator)."""

    def __init__(self, params, errors):
        self.params = params
        self.errors = errors

    def profile_session(self):
        """A botocore session for the profile; a missing profile or an unreadable config file is an OptionError."""
        profile = self.params.get("profile") or None
        try:
            session = botocore.session.Session(profile=profile)
            session.get_scoped_config()  # reads ~/.aws/config and credentials now, not at the first request
        except botocore_errors.ProfileNotFound:
            raise OptionError("profile %r (option profile, or AWS_PROFILE) is not in the AWS config or credentials files "
                              "(AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, default ~/.aws/config and ~/.aws/credentials)"
                              % profile) from None
        except botocore_errors.BotoCoreError as exc:
            raise OptionError(self.errors.redact("the AWS config or credentials file cannot be read (AWS_CONFIG_FILE, "
                                                 "AWS_SHARED_CREDENTIALS_FILE, default ~/.aws/config): %s" % " ".join(str(exc).split()))) from None
        return session

    def base_session(self):
        """The profile's session, with the access keys when they are given."""
        session = self.profile_session()
        if self.params.get("access_key"):
            session.set_credentials(
                self.params["access_key"], self.params["secret_key"], self.params.get("session_token")
            )
        return session

    def resolve(self, session):
        """The session's credentials, resolved now: a profile whose credential_process cannot run is named."""
        profile = self.params.get("profile") or "default"
        redact = self.errors.redact
        try:
            return session.get_credentials()
        except OSError as exc:  # botocore runs credential_process with Popen and lets its OSError out
            raise OptionError(redact("the credential_process of AWS profile %r cannot run: %s (check the program's path in "
                                     "~/.aws/config or AWS_CONFIG_FILE)" % (profile, foreign_text(exc)))) from None
        except ValueError as exc:  # credential_process printed something other than JSON
            raise OptionError(redact("the credentials of AWS profile %r cannot be read: its credential_process printed no JSON "
                                     "(%s)" % (profile, foreign_text(exc)), limit=MAX_DETAIL)) from None
        except botocore_errors.BotoCoreError as exc:
            if type(exc).__name__ in ("CredentialRetrievalError", "InvalidConfigError", "ConfigParseError", "UnknownCredentialError"):
                raise OptionError(redact("the credentials of AWS profile %r cannot be read (%s): %s" % (
                    profile, type(exc).__name__, foreign_text(exc)), limit=MAX_DETAIL)) from None
            raise

    def assumed_role_session(self, source, sts_region, sts_client):
        """A session whose credentials are assume_role's, fetched with ``source``'s through ``sts_client(service, **kwargs)``."""
        role = self.params["assume_role"]
        extra = {"RoleSessionName": role["session_name"], "DurationSeconds": role["duration_seconds"]}
        if role.get("external_id"):
            extra["ExternalId"] = role["external_id"]
        try:
            fetcher = AssumeRoleCredentialFetcher(sts_client, self.resolve(source), role["role_arn"], extra_args=extra)
        except botocore_errors.BotoCoreError as exc:
            raise self.errors.translate(exc, "AssumeRole", sts_region, service="sts") from None
        duration = role["duration_seconds"]

        def fetch():
            try:
                fetched = fetcher.fetch_credentials()
            except SesmonError:
                raise
            except AnswerError as exc:
                raise self.errors.invalid_answer("AssumeRole", sts_region, exc, None) from None
            except Exception as exc:  # pylint: disable=broad-except  # as in AwsSession.call(): STS's answer could not be read
                raise self.errors.translate(exc, "AssumeRole", sts_region, service="sts") from None
            _check_expiry(fetched, sts_region, duration)
            return fetched

        # Static credentials would shadow this provider, so the role's session is given none.
        session = self.profile_session()
        session.get_component("credential_provider").insert_before("env", _AssumedRoleProvider(fetch))
        return session


def _check_expiry(fetched, sts_region, duration):
    """Credentials that STS gives already expired (by this host's clock): the clock or the duration, named."""
    try:
        expiry = as_utc(fetched["expiry_time"])
    except (KeyError, TypeError, ValueError):
        return
    left = (expiry - utc_now()).total_seconds()
    if left > REFRESH_MARGINS[1]:
        return
    raise AwsApiError(
        "AssumeRole in %s failed: ExpiredToken: STS answered credentials that expire at %s, %s by this host's clock (now %s); "
        "assume_role.duration_seconds is %d, so the host's clock is about %d s ahead of AWS's: set it right (NTP)"
        % (sts_region or "(no region)", iso_timestamp(expiry), "already past" if left <= 0 else "in %d s" % left,
           iso_timestamp(utc_now()), duration, max(0, duration - left)),
        code="ExpiredToken", operation="AssumeRole", region=sts_region)
