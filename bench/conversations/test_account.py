"""The made-up Twilio account the bench signs with and the capturing channel accepts.

Kept apart from ``twilio_capture`` so that the bench can sign requests without importing Rasa.
None of these is a real account, token or number.
"""
BENCH_ACCOUNT_SID = "AC" + "0" * 32
BENCH_AUTH_TOKEN = "bench-test-token"
#: The URL Twilio would call; the channel checks signatures against it, not the local address.
BENCH_PUBLIC_URL = "https://sms.bench.invalid"
#: Twilio's magic test number: our side of the conversation.
BENCH_OUR_NUMBER = "+15005550006"
