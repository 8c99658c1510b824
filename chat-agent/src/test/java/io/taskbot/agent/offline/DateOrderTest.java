package io.taskbot.agent.offline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DateOrderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en-US|MONTH_FIRST", "en|MONTH_FIRST", "en-GB|DAY_FIRST", "de|DAY_FIRST", "fr-FR,fr;q=0.9|DAY_FIRST",
            "en-GB;q=0.5,en-US|MONTH_FIRST", "*;q=0.5,de-AT|DAY_FIRST", "es-PH|MONTH_FIRST"})
    void theMostWantedLanguageDecides(String header, DateOrder order) {
        assertThat(DateOrder.fromAcceptLanguage(header)).contains(order);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "*", "en-US;q=x", ";;;"})
    void noUsableLanguageLeavesTheChoiceToTheDefault(String header) {
        assertThat(DateOrder.fromAcceptLanguage(header)).isEmpty();
    }
}
