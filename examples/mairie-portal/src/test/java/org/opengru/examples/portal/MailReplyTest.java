package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.RequestId;
import org.opengru.examples.portal.HttpBrowser.FilePart;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoMailServer;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.spring.jobs.GruJobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo's mail, end to end over HTTP and the demo's mail server: Claire files a request, an agent writes
 * to her in the portal, the notification reaches her mailbox with the request's reply address, she answers
 * it by e-mail, and once the jobs have run her answer is in the request's thread on her page.
 */
class MailReplyTest extends RunningPortal {

    @LocalServerPort
    int port;

    @Autowired
    DemoMailServer mail;

    @Autowired
    GruJobs jobs;

    @Test
    void aResidentRepliesToANotificationByEmailAndTheReplyIsInHerRequestsThread() throws Exception {
        HttpBrowser claire = new HttpBrowser(port);
        assertThat(claire.signInResident().uri().getPath()).isEqualTo("/mon-espace");
        String form = "/demarches/" + Commune.ACTE_ETAT_CIVIL;
        HttpResponse<String> filed = submit(
                claire,
                claire.get(form),
                form,
                Map.of(
                        "champ_typeActe", "naissance",
                        "champ_nomPersonne", "Claire Martin",
                        "champ_dateEvenement", "1985-04-12"));
        assertThat(filed.uri().getPath()).as(filed.body()).startsWith("/mes-demandes/");
        RequestId id = RequestId.parse(filed.uri().getPath().substring("/mes-demandes/".length()));

        HttpBrowser jeanne = new HttpBrowser(port);
        jeanne.signInAgent(DemoPeople.agent(DemoPeople.JEANNE));
        String agentPage = "/agent/demandes/" + id;
        String question = "Pouvez-vous préciser la commune de naissance ?";
        submit(
                jeanne,
                jeanne.get(agentPage),
                agentPage + "/messages",
                Map.of("message", question, "visibilite", "SHARED"));
        jobs.runAllOnce(); // the relay stores the notices, the service mails them

        MimeMessage notice = Arrays.stream(mail.server().getReceivedMessages())
                .filter(m -> recipient(m).equals("claire.martin@example.fr"))
                .filter(m -> replyTo(m).startsWith("reponses+"))
                .reduce((first, second) -> second) // the latest: the agent's message
                .orElseThrow(() -> new AssertionError("no notification mailed to Claire"));
        String replyTo = notice.getReplyTo()[0].toString();
        String answer = "Je suis née à Orléans.";
        GreenMailUtil.sendTextEmail(
                replyTo,
                "claire.martin@example.fr",
                "Re: " + notice.getSubject(),
                answer,
                mail.server().getSmtp().getServerSetup());
        jobs.runAllOnce(); // the inbound-mail job reads the commune's mailbox

        String page = claire.get("/mes-demandes/" + id).body();
        assertThat(page).contains(answer);
    }

    private static String replyTo(MimeMessage m) {
        try {
            return m.getReplyTo() == null ? "" : m.getReplyTo()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form of the page just read, as a browser does: its hidden fields and the answers. */
    private static HttpResponse<String> submit(
            HttpBrowser who, HttpResponse<String> page, String action, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(HttpBrowser.hiddenFields(page));
        all.putAll(fields);
        return who.postMultipart(action, all, Map.<String, FilePart>of());
    }
}
