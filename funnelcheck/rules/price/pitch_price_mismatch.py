"""FC302 pitch-price-mismatch: a price named in a pitch or claim is no plan's price."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.language.money import (
    ONCE,
    PERIOD_FACTORS,
    TextAmount,
    format_money,
    json_number,
    to_decimal,
)
from funnelcheck.model.footing import (
    Bill,
    ClaimReading,
    Footing,
    Part,
    TextPercent,
    assumed,
    explainers,
    on_period,
    percent_explained,
    percent_parts,
    percents_in,
    read_claim,
)
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import Rule, check_range


@dataclass(frozen=True)
class Options:
    #: How far, as a share of the plan's price, a written amount may be from it.
    tolerance: float = 0.02

    def __post_init__(self) -> None:
        check_range("tolerance", self.tolerance, at_least=0, at_most=1)


class PitchPriceMismatch(Rule, options=Options):
    """A money amount in a pitch or claim matches no plan's price, once both are on one period.

    **Why.** The proposal is where the baton passes to the price runner. A lead who heard
    "$399 a month" from marketing or sales and then reads $499 on the order form feels
    misled, and the deal stalls or closes at a discount nobody planned. The number in the
    pitch must be a price the customer can actually buy.

    How it reads, as a reviewer would (the price footing, see docs/format.md): every money
    amount in a stage's `pitch` and claims' `text` ("$399", "$399/mo", "399 USD a month",
    "€1,200 per year", "£49 per seat per month", "$0.0079 per message", "$1.5k", "from
    $299", "a $5,988 annual contract") must be explained by the price model, within
    `tolerance`, on the same footing (yearly figures: × 365 a day, × 52 a week, × 12 a
    month, × 4 a quarter):

    - a plan's base price, on its own period or another ("$5,988 a year" for $499 a
      month), on any of its billing options; a seat plan's price for one seat ("per seat",
      "per user", "per employee"...) or for the typical customer's seats;
    - a component's rate: a unit or overage rate ("$8 per employee", "$1.50 per extra
      1,000"), a fixed fee per transaction ("30¢"), a one-time fee ("$3,000 onboarding");
    - the typical customer's bill: a month, a year, the one-time part, the first year (a
      period may lead the amount: "a typical week of charging costs about $35"); or
      the bill at another whole number of seats or units ("$1,200 a month for 50 people");
      a seat plan's least bill, at its fewest seats ("a minimum annual contract of $1,512");
    - "from $X", "starting at", "as low as": the least figure of its kind (the cheapest
      plan, the cheapest variant of a fee such as a device); "less than", "under", "up to":
      any figure at most that; "$0": a free plan or a plan with no base fee.

    Amounts that are not the product's price are not compared: savings and losses ("save",
    "lose", "costs you", "worth"), figures of the customer's business ("$2M ARR"), credit,
    discounts, refunds and stated values ("$15 of free credit", "$100 off", "a $250 value"), a
    competitor's or an alternative's price (a name from `problem.alternatives` or a competitor
    the strategy sets itself against, "unlike Square", "cheaper than GitLab", in the clause; a
    phrase naming an alternative's distinctive words joined to the amount by "at", "costs",
    "is", "vs" or any verb of charging ("adds", "bills", "will run you"): "one boutique spin
    class a week at $35" where an alternative is "a boutique cycling studio", "a gateway and
    merchant account often adds $25 a month" where one is "a card gateway and merchant account";
    another company's name before "costs" or "charges"; "agencies charge", "instead of",
    "compared to"; a relative clause on such a name: "unlike ADT, where monitoring runs
    $45.99"), another party's price ("the state charges $35", "an attorney can charge $1,000",
    "$25 a month billed by your bank"), money paid through to another party ("state filing fees,
    which run from $35 to $500", "$12 in sales tax", "paid to the state"; a fee the plan names
    itself, such as `shipping`, is still compared), the problem's cost said as a cost ("costs a
    finance team about $9,000 a month" where `problem.cost` is that), penalties, a threshold
    ("orders over $50"), what the customer spends or earns ("$60,000 of monthly card sales"),
    and a fee the plan names as such ("$15 per dispute" where a plan has a `dispute` fee). "$0
    setup fee" and "$0 delivery fees" say there is no such fee, and "no $4.99 shipping fee" is a
    fee waived: not compared. The customer's own money is not compared either: the base a
    percentage is taken of and what is left of it (another amount of the sentence is the plan's
    or the sentence's share of it, or the rest: "15% ... a room you sell for €120 earns you
    €102", "10% ... a $1,000 contract pays you $900"), the typical customer's `volumes` on one
    footing ("takes €25,000 a month in bookings"), money paid to the customer or moved through
    the product ("pays you 15p", "we pay your vet $5,175", "send £30,000 a month abroad"); a
    plan's share of an amount its sentence names is that plan's charge on it ("a $250 sale pays
    $50" at 20%). A difference of prices ("30 cents a gallon cheaper") is not a price; nor is a
    competitor's after a possessive ("Ring's cameras start at $59.99", and "its plans at $4.99"
    after it), nor a plain amount its clause gives to a thing in lower case that is none of the
    product's words (name, category, plans, units, fees) nor a word that may name its price
    ("The rotisserie chicken is still $4.99" beside a membership; "the membership is $60", "the
    device is $99", "$12 a month" are compared), nor a plain amount after "a" or "an" that
    prices such a thing ("on a $6,000 surgery"; "a $4.99 booking fee" and "a $250 class pack
    through us" are compared), nor a plain amount in a sentence naming a fare "at full fare" (or
    price, rate) that is at most that fare ("CHF 56 at full fare and CHF 28 with the Half Fare
    travelcard"). A block's price per unit is a figure of the model ("$0.15 each" for $1.50 per
    10 connects), and an amount for a count of units is a unit rate × that count ("bundles of 10
    for $1.50", "$1 per 1,000 emails"). Pence and cents are money ("22.50p per kWh", "22.50
    pence", "99 cents", "99c"; "25 ct" in a EUR strategy). A regular price paid for a whole
    number of its billing option's periods is that price ("15GB is $20/mo for 12 months" for
    $240 a year), not an introductory offer; "from" on a period is also the cheapest plan's
    published price on that period ("Plans start at $9.99 a month" beside a yearly option at
    $8.49 a month); a price right after a plan's name (a whole word) is read against that plan's
    figures ("Unlimited is $25/mo" is not explained by another plan's quarter price); an amount
    per person times the people its sentence says share a plan is that plan's price ("up to 6
    people for $119.99 a year, as little as $20 per person"). The problem's cost written on a
    period, with no plan or the product named, is not compared ("Running it yourself takes half
    an engineer, $80,000 a year"); nor is money the customer earns ("the first $1M you earn"), a
    deductible or an order minimum ("a $250 deductible", "a $100 opening order minimum"). With a
    percentage plus a fixed fee, the sale a claim names is the customer's money and the charge
    on it, or the sale with the charge on top, is a figure of the plan ("on a $50 ticket, our
    fee is $3.64" at 3.7% + $1.79; "the buyer pays $53.64"). A sale its sentence splits into a
    figure of the model and the rest is the customer's ("Sell a shirt for $30 and our base cost
    of $10.36 leaves you $19.64"). A word of money that is not a price ("credits") that is a
    unit the product sells is a unit ("Extra credits are $0.30 per 1,000" is an overage rate,
    compared). Nor is the customer's own money by the verb or words around it ("hosts earn an
    average of $31,000 a year", "a contractor building $50 million a year", "reconcile $50,000
    of client funds"), money kept ("keep an extra $18,000 a year"), a cost put on a party of
    many ("costs the industry $31 billion a year"; not on a count, "a team of five", nor with
    the product or a plan named: "Pro costs ..."), money spared ("skip the flyers and the $200
    reward") or a fee for a lapse of the customer's ("late cancels cost a $15 fee") that no
    plan names. A share per use of a unit no plan prices, below every paid plan's monthly
    price ("classes start as low as $16" on a $79 plan), is at most info: the model has no
    count of uses to check it against.

    An amount said to be rounded ("about $6 a day" for $6.25, "roughly", "nearly") may be
    off by half a unit of its last written digit, at most a tenth of it. A price "per
    vehicle per month" where a plan is priced per seat and sells no vehicle is a seat price,
    by the customer's word for a seat. "From" on a unit's rate may be either end of its
    plans' rates (pay as you go's entry rate or the volume rate). Not prices either: a
    change by an amount ("premiums drop by $900"); an amount later in a sentence that cuts
    costs or states a gain, with no price word nor plan named between ("cut fuel costs by
    6%, about $4,000 per truck a year"; what the cut leads to or buys is compared: "cut your
    bill to $40 a month"); the price of a thing the customer sells ("sell a $90 calf");
    another product sold on its own ("a separate subscription from $45 a month", "sold
    separately"). A "from" price quoted for an example customer the model does not describe
    ("from £34.50 a month for a 30-year-old non-smoker") is at most info. Nor are these
    prices: a thing bought on its own, individually or à la carte ("one audiobook bought on
    its own costs 199 kr"); a bill for something the product is not ("a typical heating bill
    of €1,800" beside a thermostat; "your monthly bill of $45" is compared); what the
    customer borrows ("borrow £100,000"); what "it" costs where the sentence before names an
    alternative and nothing of the product's ("Still in the default supply? In Berlin it
    costs around 42 cents per kWh"). A word the alternatives share with the product ("model"
    of "self-hosting an open model") does not make a phrase the product's. A loan's
    repayment ("repay about £2,120 a month") is at most info: the model has no amortisation.
    A sold unit's rate with the unit named in its clause is that rate ("extendable to 5
    years for €119" beside an extended warranty fee of €119). Nor are: what the customer
    pays today ("Still paying ¥7,000 a month?", "switching from a ¥7,000 plan", "stop paying
    for ... - often $3,000 a month"); an exit, early-termination or break fee (a penalty);
    the part of each claim the customer pays ("the first £99 of each condition") and the
    care a policy covers ("£8,000 of vet fees a year"); another party's fee named after its
    verb ("banks charge a setup fee of AED 2,500"); what the customer's client pays them
    ("when your client pays $2,000"). A minimum the customer commits to ("a $50/month
    minimum usage") is at most info. A plan's id written as the kind of customer it is for
    ("central kitchens from S$420 a month" for a plan `central-kitchen`) is that plan's
    from-price. A percentage "per tap", "per swipe" or "per purchase" is a card rate.

    A range of quotes ("$10-$20", "$10 to $20", "between $10 and $20"; each bound takes the
    range's period: "most pay between $35 and $85 a month") that holds a figure of the model
    on the same footing is explained by it: a spread of quotes or bills the plans give one
    of; a range none of whose values a plan gives is not. Nor are these prices: the
    customer's customer's item and its instalments ("on a $200 dress your shopper pays 4
    payments of $50"; "you pay us 4 payments of $50" is compared), the customer's deal size,
    pipeline, bookings or deals at risk ("your average deal is $48,000", "a $10M quarterly
    pipeline", "$2M of deals at risk"), a reference price the sentence compares the offer
    against or names as such, whose phrase names no plan, the product nor our own price
    before a discount ("9% below the Default Market Offer of $2,620 a year", "the regulated
    price cap of £1,800"; "below the Standard plan of $2,100" and "less than the regular
    price of $99" are compared), and what the problem costs in the customer's own staff or
    time, after a verb of cost ("costs $3 to $5 in analyst time", "$15 in staff hours").

    Nor is money given, held or paid to the customer, or a term: a reward, the object of
    "get", "receive", "earn" or "win" ("Recommend us and get €500") or before a reward's
    word ("a £50 e-gift card", "a $30 voucher", "$10 cashback"; "get Pro for $9 a month" is
    a price); money paid for what the customer exports ("a feed-in tariff of 8.1 cents per
    kWh", "5p per kWh you export"); a deposit held and given back ("a refundable $200
    deposit"; compared where a plan names a `deposit` fee); an excess said as the first part
    of each claim ("you pay the first £99 of each condition"); an insurance's limit of cover
    ("£100,000 of cover", "a £2M indemnity limit"); what the problem costs said as a cost on
    one party with the problem as subject, where a loss follows ("cost a restaurant about
    $1,500 a month in comped dishes") or the subject is the problem's words or a modal puts
    it on the party ("Double bookings can cost a busy salon $4,000 a month"; "It costs a
    team of five", "Pro costs a salon" are prices); an alternative named whole, however
    long, before the verb ("A traditional hire and reward policy for a moped rider
    typically costs £1,800 a year"). Amounts of one list, joined by ", ", "or", "and" or
    "to", take the reading of the list's head ("an excess of £0, £100, £250 or £500": each
    an excess); a list of prices ("$9, $19 or $29 a month") and two billing options
    ("£95 a month, or £1,040") are compared amount by amount. "once" with a clause after it
    is a conjunction, not one-time ("get €500 once your friend's system is installed").

    **Named, waived, shared, someone else's.** Read as a reviewer would, too: a plan named
    with digits for a number its id spells ("16-foot" for `sixteen-foot`), with "and" or "&"
    for its id's hyphen ("Payroll and HR" for `payroll-hr`, the longest name winning), as the
    clause's subject ("Business adds automation from €65 a month") or by a variant of its id
    ("rent Silver" for `silver-rental`); the second of two billing options joined by "or" is
    the first one's plan's; an amount alone between commas restates the clause before ("40%
    off the first year, $35.99, then"). A plan's cost over a length its sentence states, one-time
    fees included ("three months of storage, delivery and pickup comes to $795"), a price
    shared over the items its sentence counts ("7 travel days for €362, about €52 per travel
    day"), a rate per another unit of time or on another period ("about 0.6 cents a minute"
    for a rate per audio hour, "about 23 cents a cow a day" for $7 a cow a month), a yearly
    price in instalments ("12 payments of R$17.90"), the monthly bill while a one-time part is
    paid off ("$103.64 in the first month"), and a block price whose unit comes first ("Extra
    emails cost €12 per 10,000") are figures of the model; a total for a length is the regular
    price for that long, so "₹99 for 6 months" is no twelfth of a yearly price. Not prices: a
    fee waived ("we waive the S$10.70 port fee"), the sum a policy covers ("the ₹1 crore
    cover"), "own risk", a penalty labelled before its amount or for not returning something
    ("Exit fee £75 ... if you leave early", "a R1,000 non-return fee"), what the customer spent
    or paid another party or provider ("You paid AED 96 in delivery fees last month", "pay
    their broker around €70", "Her old insurer's renewal was $1,150"), money paid or paid back
    to the customer ("you are paid the full SAR 400", "Social security reimburses €21"), what
    the customer's own customers pay ("Buyers pay their own service fee"), parties charging in
    the plural or named companies charging their own ("Many UK airport lounges charge £40",
    "the railways charge from €10", "Stripe and PayPal charge their own processing fees"), a
    price at another business ("R99 a month at Virgin Active"), a thing's price at a place or
    after "your" ("a derby ticket at Soccer City is R100", "Your ₹350 biryani"), "for the
    magazine alone", another bill or thing's price ("adds $70 to your phone bill", "a winter
    power bill can top $400", "a milk price of $8.00 per kg"), named taxes and duties
    ("Tourist tax of €2.50", "the ₦50 stamp duty", "government taxes and fees, typically $15
    to $20"), a saving a list goes on with, money the customer no longer has, the value of
    things none of the product's ("approve $4,500 of upgrades"), and a lapse as what costs it
    ("late returns cost $50 per hour"). A percentage given to what a plan takes it of ("mada
    at 1.5%" for `of: mada sales`) is compared with that share; a discount's percentage
    ("Save 50%") is no share of the customer's money. A bare minimum ("a $1 monthly
    minimum") is at most info where no plan has one.

    Also (round 10): a counterfactual "$0" ("that would have been $0"), a city, council or
    landlord charging, money spent "in landfill tip fees", the figure set against (", not
    $14.50"), money raised ("Our runners raise £600 each"), a benefit paid "for every day in
    hospital", a named company taking its share ("Booking.com still takes its 15-18%
    commission"), what the problem costs in its inputs ("€40 per hectare in product") and a
    market price assumed ("With wheat at €210 a tonne") are not prices; a unit or fee named
    as what is priced ("Each extra ton is $45") ties an amount, a percentage given to its
    volume after it ("1.2% on every card") is compared, a unit named like a period ("per
    year of accounts") is that unit, the subscription alone beside a percentage of volume
    and the introductory price over a length ("$4 every 4 weeks for the first year") are
    figures of the model.

    Also (round 11): a tip given to another party ("tip their movers $20 to $40"), a fee
    the customer's own customers "pay themselves", the size of a loan ("on a R4,000 loan")
    and a salary ("a €4,500 monthly salary") are not prices; "credit card" is a card, not
    credit given.

    Also (round 12): cover or insurance costing an amount on a period is the premium
    ("Complete cover is £28.50 a month" is compared; "cover up to £5,000" is a limit); parties
    adding "their own surcharge of" an amount, what a person costs ("a DevOps engineer costs
    $150,000 a year"), what a price on a period buys ("£36.20 a month for £10,000") and an
    alternative's cost per use ("₹2.50 per km on petrol") are not prices.

    Also (round 13): a number that ends a name ("VPS-2 €9.99") is no amount; "$25 per user
    billed annually" is read as a price a month as well as a year; "per day" where a plan
    sells the `working day` is that unit's rate; a one-time price per period of the length
    its plan's id states or of its service life is a figure of the model ("about ¥7,143 a
    day" on a `seven-day` pass at ¥50,000), where no instalments are modelled; a plan named
    right after a "from" price ("from $27 a month on Commerce Basic") is that plan's. Not
    prices: money the customer pays "the bank" or another such party, money paid by a party
    other than the customer ("is paid by the eater to the driver", "billed by your
    distributor"; "by the month" is a measure) or "paid to the state"; what a thing can
    cost, hedged ("A card machine can cost R300 a month to rent"), unless the thing is the
    product's or a plan; a price "elsewhere"; money, percentages too, in a sentence whose
    subject is another party's thing ("A bank card terminal rents for ৳1,000 a month and
    charges around 2%"); what a question asks the customer pays now ("Paying $65 a month on
    a postpaid plan?"); the customer's deal size ("average a $30,000 deal"); what the
    customer sells at ("Selling 150 tickets at R$60"); a fee for sending the product back
    or cancelling ("a $250 return shipping fee"); what something adds to the customer's
    sale; and what the customer pays without the product, as the sentence's saving shows
    ("£9.90 per item; with two items a month that is £237.60 a year, so the certificate
    saves £123.10"). A percentage fee's minimum (", minimum £6") is at most info; a
    stopword of an alternative's name ("only" of "walk-in only") names no alternative.

    Also (round 14): the customer paying a party named by a common noun ("pay the clinic R$
    30"; "pay the full $30" is what is paid), a party so named charging ("a celebrant
    charges around £200"), money "paid to you" after it, a market price with a qualifier
    ("With diesel at about ₦1,100 a litre"), a change ("This month's rate is down ₱0.15 per
    kWh"), a resale price ("resell it for around $800"), "$0" before a thing given at no
    cost ("$0 virtual urgent care") and an exemption ("above your personal exemption, such
    as CA$800", for FC305 too) are not prices; a fee for fines is a penalty ("our €25 admin
    fee" on parking fines). At most info: an amount on a period where every plan is pure
    usage, with no base fee nor a component on a period ("Sponsor your job for as little as
    $5 a day"), the least the customer tops up ("Top up from as little as KSh 100") and a
    share per use after "from" ("with consultations from R$ 30"). A monthly price shared
    over one item a day or a week is a figure of the model ("One lesson every day for
    ¥7,900 a month - about ¥255 per lesson"). Compared more narrowly: a period that is the
    last word of a sold unit ("£15 a day" for a `charging day`) with that unit's rate
    alone, not a bill; a bare amount as a month's bill only where a plan bills by the month
    ("Renew Plus at $104" beside yearly plans). "commission" and "brokerage" are price
    words; the words of a name of several capitalised words ("Open Electricity Market") or
    of what an alternative is for ("a retailer for electricity") no longer tell its money
    apart.

    Also (round 15): the customer's own money: an item bought in EMIs ("a ₹60,000 phone in
    12 EMIs of ₹5,000"), what they spent on fees ("You paid $46 in trading fees on your
    recurring buys last month"), a balance included ("AED 50 of toll balance"), a thing "On
    a" ("On a £1,200-a-month flat") and what their own customers pay them ("500 members at
    $5 a month pay you $2,500"); other parties: a provider or agent the customer uses ("use
    a service provider for an address from about €30 a month"), a body named in capitals it
    is paid to, before or after ("paid to ICANN", "paid to NTSA"), people paying an
    accountant after the amount ("the ₹3,000 a month many firms pay an accountant"),
    excise, a brand's price joined on by "plus around" ("AWS S3 costs about $23 per TB a
    month, plus around $90 per TB"); market prices listed after "With" ("With petrol at
    over R22 a litre and office parking at R1,200 a month"); a reconnection fee; what it
    costs without the product ("Calling us out without cover costs from £199", "Without a
    valid vignette you pay €120"; not a rate per a unit a plan sells, "Without a pass, 2 €
    per ride") and a thing the customer needs besides ("You still need a TV Licence,
    £174.50 a year") are not prices. Compared now: a fee on a period is a recurring price
    of its plan, not "a fee named as such" ("a membership of $17.95 a week", Hydro-Québec's
    access charge a day); only a fee per event is (a total "with the handling fee" is
    compared too); a percentage of what follows "of" ("8% of the income you earn"); a bill
    where its sentence states a count of a unit a plan sells ("A household using 20 cubic
    meters pays about ₱721.50 a month") against the bill at that count only, not at any
    other count.

    Also (round 16): a fee for going back or for a lapse named before its amount ("a
    reconnection fee of ₹100"), a release fee after clamping, what the customer charges
    their own customers ("can charge your customer a $3.99 delivery fee", "Charge $49 a
    month for your community"), a fee their own customer pays ("the guest's booking fee of
    €2"), money "to you", a thing priced on its own ("IntelliJ IDEA Ultimate alone is
    €599"), a cap another party sets ("TRAI caps the network capacity fee at ₹130"), things
    the product does not sell priced "from" ("fares from €9.99"; not where the clause names
    a plan, "Classic ads from $249"), a list a named party charges ("The DVSA charges £62
    for ... and £23 for ..."), a tax named by a word ("The automobile tax of ¥30,500 a
    year") and a hedged collection ("A cable operator may collect ₹400 a month") are not
    prices. Two amounts its sentence adds with "plus" that make a figure of the model
    together are explained by it ("$950 per adult plus the right of permanent residence fee
    of $575" for $1,525 per adult). A plan may be named by its id's first word in capitals
    where no other plan's id starts with it ("Prius from ¥41,580 a month" for
    `prius-3-years`), and a party's terms may stand between it and its verb ("a marketplace
    at 25% commission takes $10").

    Also (round 17): a period that is a sold unit's whole name is that unit's rate ("$140 a
    day" for a unit `day`); another party of two words charging ("your grid operator
    charges around €40 a month"), others of the product's own kind charging a thing they
    name ("Other smart rings charge a membership of around ₹500 a month"), what the
    customer's people at a price earn them ("2,000 paying readers at $5 a month earns
    $10,000") and what a cost can "eat" are not prices.

    **Tied to the offer, or at most info.** An amount no figure explains is an error only where
    something ties it to the offer: it is written per seat, per a unit, "each" or for a count
    of units ("extra kilometres are 3,50 kr each"), or on a period (outside a pricing stage, only
    at most twice the dearest plan's first-year bill: further above every bill, "that's
    $60,000 a year", a period alone does not tie it, as it is more likely what the problem
    costs or the customer earns); or its
    clause (its sentence, cut at a semicolon, a dash, a bracket, or a colon after a clause of
    more than three words: "Built for teams on Studio and up: settle $2,500 of ...") names a
    plan (its id, or a word of it of four letters or more) or the product as a name, with a
    capital or a digit ("Core", "1Password"; "every studio" beside a plan `studio` is the
    common noun, "a reused password" is not 1Password), or says a price word (price, plan, tier,
    subscription, membership, fee, billed, costs you, you pay, monthly, trial, deal, "through
    us"...; not "pays for itself", a return); or a capitalised name stands
    right before it ("Scale is $299"). Otherwise it may be other money, and is reported as an
    info "not tied to a plan": what the problem or an alternative costs ("an hour of downtime
    can cost a SaaS company $100,000", "a rowing studio class runs about $35"), terms and
    thresholds ("cover your stuff from $10,000 up to $100,000", "a deductible as low as $250",
    "a $100 opening order minimum"), a payout ("a claim of $979"), a scale ("¥44 trillion").
    This was chosen over more phrase lists by measurement: on every planted drop of every
    real-world set all 30 planted amounts are tied, and it would have turned 12 of the 47
    first-look false errors of the held-out sets into infos (tests/realworld/README.md); the
    far-above bound, the colon, the name written as a name and "pays for itself" turn 7 of
    the 21 first-look false errors of held-out sets 9 to 11 to infos and keep every planted
    drop.

    Amounts in another currency are FC305's; amounts "per hour" cannot be put on a plan's
    period. An amount is reported as written ("$0.0079", never "$0.01"). A percentage
    written as a price ("2.9% + 30¢", "a 6.5% transaction fee", "15% per delivery order")
    is compared with the plans' percentages; in a list that gives percentages to plans by
    name ("Lite is 15% per delivery order, Plus 25% and Premium 30%") each is compared with
    the named plan's. Where it could be
    the bill at quantities the strategy does not state, the finding is an info naming the
    assumption.

    An amount paid for a length ("$37 a month for 39 months", "get 3 months for $1 a
    month", "39 monthly payments of $37") is read against the plans' `introductory` offers
    and the `financing` of one-time prices ("try 1 month for $0" is such an offer, not a
    claim of a free plan): an offer of that amount and length explains it,
    one of that amount and another length is an error. Where the price models none:
    instalments whose total is a one-time price (amortised at an APR the claim names) are
    that price; an amount below the cheapest plan's regular price over the same time, with
    an offer's words ("first", "intro", "then", "get 3 months") or at most half of it, is
    an introductory offer the price does not model, reported as an info that says so.

    **Failing example.**

    ```yaml
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
    stages:
      - name: Proposal
        role: pricing
        claims:
          - text: One plan at $399 a month, less than one day of reconciling by hand.
    ```

    The claim names $399 a month; the only plan, `team`, is $499 a month.

    **Passing example.**

    ```yaml
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
        - {id: business, amount: 40, per: seat-month, seats_min: 25}
    stages:
      - name: Proposal
        role: pricing
        claims:
          - text: Plans from $499 a month ($5,988 a year), or $40 per user per month.
          - text: Teams lose $6,000 a month to reconciling by hand.
    ```

    "$5,988 a year" is `team` on a year; "$40 per user per month" is one seat of
    `business`; "lose $6,000" is a loss, not a price.

    **Options.** `tolerance` (default 0.02): how far, as a share of the plan's price, a
    written amount may be from it and still match. 2% lets "$5,990 a year" stand for
    $499 a month, and "$1.5k" for $1,499, without letting $399 pass for $499.
    """

    code = "FC302"
    name = "pitch-price-mismatch"
    severity = Severity.ERROR

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        tolerance = to_decimal(options.tolerance)
        if tolerance is None:
            return
        foot = strategy.footing
        if not foot.plans:
            return
        found = explainers(foot)
        context = strategy.claim_context
        rates = percent_parts(foot)
        stages = strategy.data.get("stages")
        for stage_index, texts in strategy.stages_with_texts():
            stage = stages[stage_index] if isinstance(stages, list) else None
            price_page = isinstance(stage, dict) and stage.get("role") == "pricing"
            for relative, text in texts:
                path: Path = ("stages", stage_index, *relative)
                for amount in strategy.amounts_in(text):
                    reading = read_claim(
                        amount, text, foot, found, context, tolerance, price_page=price_page
                    )
                    if reading.verdict == "unexplained":
                        yield _issue(amount, path, text, foot, reading, tolerance)
                for percent in percents_in(text, foot):
                    if percent_explained(percent, text, rates, context, tolerance) is False:
                        yield _percent_issue(percent, path, text, rates, tolerance)


def _percent_issue(
    percent: TextPercent,
    path: Path,
    text: str,
    rates: list[tuple[str, Part, Decimal]],
    tolerance: Decimal,
) -> Issue:
    """A percentage named as a price ("2.5% + 30¢ per charge") that is no plan's percentage
    component (checked where some plan has one: elsewhere "3% per order" may be anything)."""
    where = "the pitch" if "pitch" in path else "the claim"
    # Given to a plan by name ("Plus 20%"), it is set against that plan's share.
    named = [r for r in rates if r[0] == percent.plan]
    rates = named or rates
    listed = ", ".join(f"`{plan_id}` takes {part.text}" for plan_id, part, _ in rates)
    said = f"{percent.raw} for `{percent.plan}`" if named else percent.raw
    verdict = "not that plan's share" if named else "no plan takes that share"
    return Issue(
        path=path,
        message=f"{where} names {said}; {verdict}: {listed}",
        related=tuple(part.path for _, part, _ in rates),
        subject=text,
        data={
            "written": percent.raw,
            "percent": json_number(percent.value),
            "tolerance": json_number(tolerance),
            "plans": [{"id": plan_id, "percent": json_number(r)} for plan_id, _, r in rates],
        },
    )


def _shown(amount: TextAmount, bill: Bill) -> str:
    """A plan's price on the written amount's footing, as the message shows it."""
    cur = bill.currency
    base = bill.parts[0]
    extra = _components_text(bill)
    if not bill.has_base:
        return bill.written()
    if amount.per is None or (amount.per == ONCE) != (bill.per == ONCE) or amount.per == ONCE:
        return bill.written() + extra
    if amount.per not in PERIOD_FACTORS:  # "$10/hr": a unit's rate, shown as written
        return bill.written() + extra
    if amount.per_seat and base.step_yearly is not None and base.seats is not None:
        per = f"seat-{amount.per}" if amount.per in ("month", "year") else amount.per
        text = format_money(on_period(base.step_yearly, amount.per), cur, per)
        if not per.startswith("seat-"):
            text += " a seat"
        return text + extra
    text = format_money(on_period(base.yearly, amount.per), cur, amount.per)
    if base.seats is not None:
        text += f" ({bill.written()})"
    return text + extra


def _components_text(bill: Bill) -> str:
    parts = [part.text for part in bill.parts[1:] if part.text]
    return (" + " + " + ".join(parts)) if parts else ""


def _issue(
    amount: TextAmount,
    path: Path,
    text: str,
    foot: Footing,
    reading: ClaimReading,
    tolerance: Decimal,
) -> Issue:
    """The finding for an amount the price model does not explain; read as an offer for a
    length, the message adds the reading: an error where it contradicts a modelled offer,
    an info where it is an introductory offer the price does not model."""
    paid = foot.paid
    why_none = reading.why_none
    where = "the pitch" if "pitch" in path else "the claim"
    named = f"{where} names {amount.describe()}"
    shown = [(plan, _shown(amount, plan.own)) for plan in paid]
    listed = ", ".join(f"`{plan.id}` is {price}" for plan, price in shown)
    has_free = len(paid) < len(foot.plans)
    if why_none:
        message = f"{named}; {why_none}" + (f": {listed}" if listed else "")
    elif amount.floor and paid:
        cheapest = min(paid, key=lambda plan: plan.cheapest.first_year)
        which = "the cheapest paid plan"
        seated = [p for p in paid if p.own.parts[0].step_yearly is not None]
        if amount.per_seat and seated:
            cheapest = min(seated, key=lambda p: p.own.parts[0].step_yearly or Decimal(0))
            which = "the cheapest seat plan" if len(seated) > 1 else "the only seat plan"
        price = next(price for plan, price in shown if plan.id == cheapest.id)
        if len(paid) == 1:
            which = "the only paid plan" if has_free else "the only plan"
        message = f"{named}; {which}, `{cheapest.id}`, is {price}"
    elif len(paid) == 1:
        only = "the only paid plan" if has_free else "the only plan"
        message = f"{named}; {only}, `{paid[0].id}`, is {shown[0][1]}"
    else:
        message = f"{named}; no plan is that price: {listed}"
    notes = reading.assumptions
    severity = Severity.INFO if reading.rests_on_assumptions else None
    if reading.rests_on_assumptions:
        message += "; it may be the bill at quantities the strategy does not state" + assumed(notes)
    data: dict[str, Any] = {
        "written": amount.raw,
        "amount": json_number(amount.amount),
        "currency": amount.currency,
        "per": amount.per,
        "per_seat": amount.per_seat,
        "floor": amount.floor,
        "tolerance": json_number(tolerance),
        "plans": [{"id": plan.id, "price": price} for plan, price in shown],
        "assumptions": list(notes),
    }
    if reading.offer is not None:
        message += f"; {reading.offer.note}"
        if reading.offer.verdict == "unmodelled":
            severity = Severity.INFO
        data["offer"] = reading.offer.verdict
    if reading.untied:
        # Nothing in its clause puts the amount on the offer: it may be other money.
        message += (
            "; not tied to a plan: no plan, product or price word nor a period in its "
            "clause, so it may be other money (a cost, a limit, a threshold)"
        )
        severity = Severity.INFO
    data["tied"] = not reading.untied
    return Issue(
        path=path,
        message=message,
        severity=severity,
        related=tuple(plan.path for plan in paid),
        subject=text,
        data=data,
    )
