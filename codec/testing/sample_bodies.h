#ifndef PAYONE_CODEC_TESTING_SAMPLE_BODIES_H_
#define PAYONE_CODEC_TESTING_SAMPLE_BODIES_H_

// Bodies the benchmarks decode: what PAYONE sends most often.

namespace payone::codec::testing {

// PAYONE's answer to the credit-card authorization of document 002.
inline constexpr char kApprovedAnswer[] =
    "status=APPROVED\ntxid=987654321\nuserid=123456789\n";

// A TransactionStatus `appointed` for a card payment (PAYONE reference 4.2,
// as in codec/fuzz/corpus), ISO-8859-1.
inline constexpr char kAppointedNotification[] =
    "key=5d41402abc4b2a76b9719d911017c592&txaction=appointed&portalid=2022125&"
    "aid=10001&clearingtype=cc&notify_version=7.4&txtime=1450365542&"
    "currency=EUR&userid=76656077&accessname=&accesscode=&param=&mode=test&"
    "price=2000.00&txid=205387102&reference=1448229771690&sequencenumber=0&"
    "company=&firstname=&lastname=Test+Buyer&street=J%E4gerweg+12&country=DE&"
    "cardexpiredate=1703&cardtype=V&cardpan=411111xxxxxx1111&"
    "transaction_status=completed&balance=0.00&receivable=0.00";

}  // namespace payone::codec::testing

#endif  // PAYONE_CODEC_TESTING_SAMPLE_BODIES_H_
