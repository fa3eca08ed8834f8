# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Send COUNT emails in REGION through the local endpoint (the collection has no sending module).

usage: send_email.py ENDPOINT ACCESS_KEY SECRET_KEY REGION COUNT
"""

from __future__ import annotations

import sys

import botocore.session


def main(argv):
    endpoint, access_key, secret_key, region, count = argv
    session = botocore.session.Session()
    session.set_credentials(access_key, secret_key)
    client = session.create_client("ses", region_name=region, endpoint_url=endpoint)
    client.verify_email_identity(EmailAddress="integration@example.com")
    for dummy in range(int(count)):
        client.send_email(
            Source="integration@example.com",
            Destination={"ToAddresses": ["someone@example.net"]},
            Message={"Subject": {"Data": "sesmon"}, "Body": {"Text": {"Data": "integration test"}}},
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
