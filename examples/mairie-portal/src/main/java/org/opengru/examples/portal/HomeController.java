package org.opengru.examples.portal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The portal's home page. */
@RestController
class HomeController {

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String home() {
        return """
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Accueil - Mairie de démonstration</title>
                </head>
                <body>
                  <header><p>Mairie de démonstration</p></header>
                  <main>
                    <h1>Bienvenue sur le portail de votre mairie</h1>
                    <p>Ce portail de démonstration est construit avec OpenGRU.</p>
                  </main>
                </body>
                </html>
                """;
    }
}
