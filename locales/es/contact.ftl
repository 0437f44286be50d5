# El formulario de «hablemos», sus comprobaciones y la página de agradecimiento.

## El formulario

contact-title = Hablemos
contact-description = Cuéntanos qué estás construyendo; un ingeniero sénior te responde en menos de { $within }. El código sigue siendo tuyo.
contact-lead = Cuéntanos qué estás construyendo. Un ingeniero sénior de { $brand } te responde en menos de { $within }; el código que escribimos sigue siendo tuyo.
contact-check-fields = { $count ->
    [one] Revisa el campo marcado abajo; todo lo que escribiste sigue aquí.
   *[other] Revisa los { $count } campos marcados abajo; todo lo que escribiste sigue aquí.
}
contact-attached = Hablaremos del resultado de tu guía:
contact-name = Tu nombre
contact-email = Correo de trabajo
contact-company = Empresa (opcional)
contact-role = Tu cargo (opcional)
contact-message = ¿Qué estás construyendo?
contact-message-help = Con unas pocas frases basta: el producto, el equipo, lo que te preocupa.
contact-preferred = ¿Cómo prefieres que te contactemos? (opcional)
contact-consent-label = Acepto que se guarde lo que envío y que se me contacte sobre ello, tal como describe el <a class="underline" href="/privacy">aviso de privacidad</a>.
contact-honeypot = Deja este campo vacío
contact-send = Enviar

## Lo que puede estar mal

contact-name-empty = Dinos tu nombre.
contact-name-long = Un nombre tiene como mucho { $max } caracteres.
contact-email-empty = Escribe tu correo de trabajo.
contact-email-long = Una dirección de correo tiene como mucho { $max } caracteres.
contact-email-invalid = Esto no parece una dirección de correo (nombre@empresa.com).
contact-company-long = El nombre de una empresa tiene como mucho { $max } caracteres.
contact-role-long = Un cargo tiene como mucho { $max } caracteres.
contact-preferred-long = Este campo tiene como mucho { $max } caracteres.
contact-message-empty = Cuéntanos un poco qué estás construyendo.
contact-message-long = El mensaje debe tener menos de { $max } caracteres (tiene { $length }).
contact-consent = Acepta, por favor, para que podamos guardar tu mensaje y responderte.
contact-notice-again = Por tu seguridad, hay que enviar este formulario una vez más: todo lo que escribiste sigue aquí; pulsa Enviar de nuevo.
contact-notice-busy = Hemos recibido varios mensajes desde tu red en la última hora. Vuelve a enviarlo dentro de { $minutes ->
    [one] un minuto
   *[other] { $minutes } minutos
}; todo lo que escribiste sigue aquí.
contact-notice-unavailable = Lo sentimos, ahora mismo no hemos podido guardar tu mensaje. No se ha perdido nada: pulsa Enviar de nuevo en un momento.

## La página de agradecimiento

thanks-title = Gracias
thanks-description = Tu mensaje nos ha llegado.
thanks-heading = Gracias, tu mensaje nos ha llegado
thanks-reference = Tu referencia:
thanks-reply-by = Lo recibimos el { $received }. Un ingeniero sénior te responderá antes del { $reply_by }, en menos de { $within }.
thanks-learn = Lee la explicación mientras esperas
thanks-unknown = No encontramos esa referencia
thanks-unknown-text = Si nos enviaste un mensaje, está a salvo; <a class="underline" href="/contact">vuelve a escribirnos</a> si tienes dudas.

## Una respuesta redactada en el buzón, en el idioma en que escribió la persona

reply-subject = Re: tu mensaje a { $brand }
reply-body = Hola, { $name }:

    Gracias por contarnos lo que estás construyendo. Nos gustaría comentarlo contigo.

    Un saludo,
reply-body-result = Hola, { $name }:

    Nos preguntaste por tu sistema y nuestra guía sugirió { $summary }. Nos gustaría comentarlo contigo.

    Un saludo,
thanks-book = ¿Prefieres elegir ya un momento para hablar?
thanks-book-link = Reservar una llamada

## Reservar una llamada (/es/book/…)

book-title = Reservar una llamada
book-description = Elige un momento para una llamada con uno de nuestros ingenieros.
book-lead = Elige el momento que mejor te venga: la llamada dura { $length }, por vídeo, con el ingeniero que leerá tu mensaje.
book-zone = Tu zona horaria
book-zone-show = Ver las horas en esta zona
book-zone-unknown = No conocemos esa zona horaria: escríbela como Europe/Madrid.
book-nearest = Las horas libres más cercanas
book-times-in = Las horas se muestran en { $zone }.
book-submit = Reservar esta hora
book-confirmed = Tu llamada está reservada: { $when } ({ $zone }), con { $with }.
book-link = Únete a la llamada aquí:
book-none-free = Nadie tiene horas libres en los próximos días. Responderemos a tu mensaje como prometimos.
book-unknown = Este enlace de reserva no es válido. Usa el enlace de la página que viste al enviar tu mensaje, o escríbenos de nuevo.
book-unavailable = Ahora mismo no se pueden leer las horas libres. Inténtalo de nuevo en un minuto.
book-notice-unknown = Este enlace de reserva no es válido: no se ha reservado nada.
book-notice-zone = No conocemos esa zona horaria: escríbela como Europe/Madrid. No se ha reservado nada.
book-notice-pick = Elige una de las horas de abajo.
book-notice-taken = Alguien acaba de reservar esa hora. Estas son las libres más cercanas.
book-notice-not-offered = Esa hora no se puede reservar (ya pasó, es demasiado pronto o está fuera de nuestro horario). Elige una de las horas de abajo.
book-notice-no-call = No hay ninguna llamada reservada con este enlace: no ha cambiado nada.
book-notice-meanwhile = La llamada cambió mientras tanto; así queda ahora. No ha cambiado nada más.
book-add-calendar = Añadir a mi calendario (.ics)
book-change = Cambiar la hora
book-change-lead = Elige otro momento con { $with }:
book-change-submit = Pasar la llamada a esta hora
book-cancel-submit = Cancelar la llamada
book-done-moved = Tu llamada ha cambiado de hora.
book-done-cancelled = Tu llamada está cancelada. Puedes reservar otro momento abajo.

## Emails about a booked call, to the visitor

call-summary = Llamada con { $brand } ({ $reference })
call-subject-booked = Tu llamada con { $brand }: { $when }
call-subject-moved = Tu llamada con { $brand } ha cambiado: { $when }
call-subject-cancelled = Tu llamada con { $brand } está cancelada
call-subject-reminder = Recordatorio: tu llamada con { $brand }, { $when }
call-hello = Hola, { $name }:
call-booked = Tu llamada con { $with } está reservada: { $when } ({ $zone }).
call-moved = Tu llamada con { $with } ha pasado a { $when } ({ $zone }).
call-cancelled = Tu llamada con { $with } del { $when } ({ $zone }) está cancelada. Puedes reservar otro momento con el enlace de abajo.
call-reminder = Te recordamos tu llamada con { $with }: { $when } ({ $zone }).
call-about = Trata sobre tu mensaje { $reference }.
call-result = Nuestra guía sugirió { $summary }.
call-join = Únete a la llamada: { $link }
call-manage = Cambiar la hora o cancelar: { $url }
call-invitation = La invitación va adjunta para tu calendario.
call-regards = Un saludo,
    { $brand }
