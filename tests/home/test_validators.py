"""The organisation-number check (MOD11, weights 3 2 7 6 5 4 3 2)."""

import pytest

from home.validators import organisation_number_is_valid


@pytest.mark.parametrize("number", ["923609016", "123456785", "974760673", "981276957"])
def test_real_and_constructed_valid_numbers(number):
    assert organisation_number_is_valid(number)


@pytest.mark.parametrize(
    "number",
    ["123456789", "92360901", "9236090160", "abcdefghi", "", "92360901x", "١٢٣٤٥٦٧٨٥"],
)
def test_invalid_numbers(number):
    assert not organisation_number_is_valid(number)


def test_remainder_one_gives_no_valid_check_digit():
    # A weighted sum with remainder 1 asks for check digit 10, which cannot be written.
    base = next(
        f"{n:08d}"
        for n in range(1, 10_000)
        if sum(int(d) * w for d, w in zip(f"{n:08d}", (3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        == 1
    )
    assert not any(organisation_number_is_valid(base + str(d)) for d in range(10))
