"""Writes ipn.json: recorded IPN bodies (sources named per case) and DERIVED ones.

The DERIVED bodies are percent-encoded here by the written rule (bytes of the charset,
%XX upper case) with Python's codecs, independently of paysign."""
import json, urllib.parse

OFFSITE = "activemerchant/offsite_payments test/unit/integrations/paypal/paypal_notification_test.rb"
web_accept = "mc_gross=500.00&address_status=confirmed&payer_id=EVMXCLDZJV77Q&tax=0.00&address_street=164+Waverley+Street&payment_date=15%3A23%3A54+Apr+15%2C+2005+PDT&payment_status=Completed&address_zip=K2P0V6&first_name=Tobias&mc_fee=15.05&address_country_code=CA&address_name=Tobias+Luetke&notify_version=1.7&custom=&payer_status=unverified&business=tobi%40leetsoft.com&address_country=Canada&address_city=Ottawa&quantity=1&payer_email=tobi%40snowdevil.ca&verify_sign=AEt48rmhLYtkZ9VzOGAtwL7rTGxUAoLNsuf7UewmX7UGvcyC3wfUmzJP&txn_id=6G996328CK404320L&payment_type=instant&last_name=Luetke&address_state=Ontario&receiver_email=tobi%40leetsoft.com&payment_fee=&receiver_id=UQ8PDYXJZQD9Y&txn_type=web_accept&item_name=Store+Purchase&mc_currency=CAD&item_number=&test_ipn=1&payment_gross=&shipping=0.00"
masspay = "payer_id=LPV4F4HZHCE&payment_date=06%3A25%3A37+Oct+25%2C+2012+PDT&payment_gross_1=&payment_gross_2=&payment_gross_3=&payment_status=Completed&receiver_email_1=buyer_1348066306_per%40example.com&receiver_email_2=buyer_1351170859_per%40example.com&charset=windows-1252&receiver_email_3=buyer_1351170993_per%40example.com&mc_currency_1=GBP&masspay_txn_id_1=7XW35917TG8293137&mc_currency_2=GBP&masspay_txn_id_2=79512417EL9296629&mc_currency_3=GBP&masspay_txn_id_3=75X24749Y32677910&first_name=Test&unique_id_1=123&notify_version=3.7&unique_id_2=456&unique_id_3=789&payer_status=verified&verify_sign=AwtKW.5QSiJCrI10IE.2gmVei1MEAwsHLftLIB9pXgu82MLXoCS1yeE-&payer_email=massuk_1351170591_biz%40example.com&payer_business_name=Tests%27s+Test+Store&last_name=Test&status_1=Completed&status_2=Completed&status_3=Completed&txn_type=masspay&mc_gross_1=10.00&mc_gross_2=24.50&mc_gross_3=20.00&payment_fee_1=&residence_country=GB&test_ipn=1&payment_fee_2=&payment_fee_3=&mc_fee_1=0.20&mc_fee_2=0.49&mc_fee_3=0.40&ipn_track_id=89f7ff244947f"
HH = "HarvestHand/hh tests/Rays-Tests/PayPal-cURL-Request/Buggy-POST.php"
live = "mc_gross=50.00&protection_eligibility=Eligible&address_status=confirmed&payer_id=5PMGYWKBRQZT8&tax=0.00&address_street=228+Greenwood+Avenue&payment_date=03%3A45%3A08+Mar+05%2C+2015+PST&payment_status=Completed&charset=windows-1252&address_zip=B3T+1H8&first_name=Christal+Lee&mc_fee=1.40&address_country_code=CA&address_name=Christal+Lee+Boutilier&notify_version=3.8&custom=&payer_status=verified&business=info%40taprootfarms.ca&address_country=Canada&address_city=Timberlea&quantity=1&verify_sign=AFcDZYj88fqGxr8zEfOTQfUqeSZmAkf1P4XJoR3MnacQZaAq97sKdok.&payer_email=valkyriens%40yahoo.com&memo=This+is+my+first+payment+on+the+2015-2016+veggie+share+(appetizer).+I+know+you+prefer+payment+as+soon+as+possible%2C+so+I+will+pay+%2450+every+two+weeks+(on+payday)+until+my+account+is+paid+up.+Thanks+for+coming+out+to+see+us+at+the+Department+of+Education+%3A)&txn_id=5WT436234S3597011&payment_type=instant&last_name=Boutilier&address_state=Nova+Scotia&receiver_email=info%40taprootfarms.ca&payment_fee=&receiver_id=Q78CDTRDK2MHJ&txn_type=web_accept&item_name=TapRoot+Farms+Payment&mc_currency=CAD&item_number=hhc%3A2074&residence_country=CA&handling_amount=0.00&transaction_subject=&payment_gross=&shipping=0.00&ipn_track_id=b2c712acabe57"

def enc(text, charset):
    return urllib.parse.quote_plus(text.encode(charset), safe="")

def derived(charset, name):
    pairs = [("mc_gross", "9.99"), ("payment_status", "Completed"), ("charset", charset),
             ("first_name", name), ("receiver_email", "seller@example.com"),
             ("mc_currency", "EUR"), ("txn_id", "DERIVED0001"), ("test_ipn", "1")]
    return "&".join(k + "=" + enc(v, charset) for k, v in pairs)

cases = [
    {"id": "offsite-web-accept", "source": OFFSITE + " (http_raw_data)", "body": web_accept,
     "expect_fields": {"receiver_email": "tobi@leetsoft.com", "business": "tobi@leetsoft.com",
                        "receiver_id": "UQ8PDYXJZQD9Y", "mc_gross": "500.00", "mc_currency": "CAD",
                        "txn_id": "6G996328CK404320L", "payment_status": "Completed",
                        "payment_date": "15:23:54 Apr 15, 2005 PDT", "test_ipn": "1"},
     "sandbox": True},
    {"id": "offsite-masspay", "source": OFFSITE + " (mass_pay_http_raw_data)", "body": masspay,
     "expect_fields": {"payer_business_name": "Tests's Test Store", "charset": "windows-1252",
                        "mc_gross_2": "24.50", "txn_type": "masspay", "payment_status": "Completed"},
     "sandbox": True},
    {"id": "harvesthand-live", "source": HH + " ($content without its trailing &cmd=_notify-validate)",
     "body": live,
     "expect_fields": {"receiver_email": "info@taprootfarms.ca", "business": "info@taprootfarms.ca",
                        "receiver_id": "Q78CDTRDK2MHJ", "mc_gross": "50.00", "mc_currency": "CAD",
                        "txn_id": "5WT436234S3597011", "item_number": "hhc:2074",
                        "address_zip": "B3T 1H8"},
     "sandbox": False},
    {"id": "derived-windows-1252", "source": "DERIVED", "body": derived("windows-1252", "José Müller"),
     "note": "DERIVED: Python urllib.parse.quote_plus over cp1252 bytes",
     "expect_fields": {"first_name": "José Müller", "receiver_email": "seller@example.com"},
     "sandbox": True},
    {"id": "derived-gb2312", "source": "DERIVED", "body": derived("gb2312", "你好"),
     "note": "DERIVED: Python urllib.parse.quote_plus over gb2312 bytes",
     "expect_fields": {"first_name": "你好"}, "sandbox": True},
    {"id": "derived-utf-8", "source": "DERIVED", "body": derived("UTF-8", "José 你好"),
     "note": "DERIVED: Python urllib.parse.quote_plus over UTF-8 bytes",
     "expect_fields": {"first_name": "José 你好"}, "sandbox": True},
]
for c in cases:
    c["expect_postback"] = "cmd=_notify-validate&" + c["body"]
json.dump({"gateway": "paypal-ipn", "cases": cases}, open("ipn.json", "w", encoding="utf-8"),
          ensure_ascii=False, indent=1)
print(len(cases), "cases")
# The raw bodies as files too, for the C test (exact bytes, no trailing newline).
for c in cases:
    open(c["id"] + ".body", "wb").write(c["body"].encode("ascii"))
